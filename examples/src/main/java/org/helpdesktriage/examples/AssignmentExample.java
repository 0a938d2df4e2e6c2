package org.helpdesktriage.examples;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.helpdesktriage.core.StoringStep;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.TriageOutcome;
import org.helpdesktriage.core.assign.Agent;
import org.helpdesktriage.core.assign.AssignmentSettings;
import org.helpdesktriage.core.assign.AssignmentStrategy;
import org.helpdesktriage.core.config.TriageConfig;

/**
 * Assigns tickets to people with a strategy of one's own: the tech team's tickets go to the
 * agent holding the fewest, and among equals to the one with the fewest skills, so that the
 * specialists stay free for the tickets only they can take. The billing team keeps the built-in
 * round robin. Run: {@code AssignmentExample}.
 */
public final class AssignmentExample {

    /** Fewest tickets first; then fewest skills; then the lowest id. */
    static final AssignmentStrategy SPECIALISTS_LAST = (ticket, available) -> available.stream()
            .min(Comparator.comparingInt(AssignmentStrategy.Candidate::load)
                    .thenComparingInt(c -> c.agent().skills().size())
                    .thenComparing(c -> c.agent().id()));

    private AssignmentExample() {
    }

    /** Triages six tickets and prints who took each. */
    public static void main(String[] args) {
        List<Agent> roster = List.of(
                new Agent("ana", "Ana Lima", null, List.of("tech-team"), Set.of("vpn", "sap"),
                        3, null, true),
                new Agent("bob", "Bob Byte", null, List.of("tech-team"), Set.of(), 3, null,
                        true),
                new Agent("cy", "Cy Cent", null, List.of("billing-team"), Set.of(), 3, null,
                        true),
                new Agent("dee", "Dee Bit", null, List.of("billing-team"), Set.of(), 3, null,
                        true));
        TriageConfig config = TriageConfig.defaults().toBuilder()
                .assignment(new AssignmentSettings(roster, null,
                        Map.of("billing-team", "round_robin"), "none",
                        AssignmentSettings.DEFAULT_LOAD_STATUSES))
                .build();
        TriageEngine engine = TriageEngine.builder().config(config).build();
        // no store: loads are counted within this run; give one to keep them between runs
        StoringStep assigning = StoringStep.builder(engine)
                .assignmentStrategy("tech-team", SPECIALISTS_LAST).build();
        String[] tickets = {
            ticket("T-1", "technical", "Laptop will not boot"),
            ticket("T-2", "technical", "Monitor flickers"),
            ticket("T-3", "technical", "Keyboard missing keys"),
            ticket("T-4", "billing", "Invoice twice"),
            ticket("T-5", "billing", "Refund missing"),
            ticket("T-6", "billing", "Wrong VAT number")};
        for (String json : tickets) {
            TriageOutcome outcome = assigning.save(engine.triageJson(json));
            if (outcome instanceof TriageOutcome.Triaged t) {
                System.out.println(t.result().ticket().ticketId() + " -> "
                        + t.result().routing().assignedTo() + ", "
                        + t.result().routing().personAssignment()
                                .map(a -> a.agent().orElse("nobody") + " (" + a.strategy() + ", "
                                        + a.reason() + ")").orElse("no roster"));
            }
        }
        System.out.println(assigning.assignmentStats().orElseThrow());
    }

    private static String ticket(String id, String category, String title) {
        return "{\"ticket_id\": \"" + id + "\", \"title\": \"" + title + "\", \"description\": "
                + "\"" + title + " since this morning.\", \"requester_email\": "
                + "\"ann@example.com\", \"category\": \"" + category + "\", \"created_at\": "
                + "\"2026-11-23T09:00:00Z\"}";
    }
}
