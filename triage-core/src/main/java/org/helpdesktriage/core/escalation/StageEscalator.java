package org.helpdesktriage.core.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.sla.Sla;
import org.helpdesktriage.core.sla.SlaCalculator.TicketSla;
import org.helpdesktriage.core.sla.SlaCalculator;
import org.helpdesktriage.core.sla.SlaSettings.EscalationStage;
import org.helpdesktriage.core.sla.SlaSettings;

/**
 * Applies SLA escalation stages: for each stage in order that the ticket has not had yet, and
 * whose fraction of its target has elapsed, the stage's actions change the ticket and the
 * stage is recorded in the ticket's stored SLA, so that it never applies twice.
 */
final class StageEscalator {

    private final SlaSettings settings;
    private final SlaCalculator calculator;

    StageEscalator(SlaSettings settings) {
        this.settings = settings;
        this.calculator = new SlaCalculator(settings);
    }

    EscalationService.Check check(Ticket ticket, Instant now) {
        if (ticket.status().isFinished()) {
            return new EscalationService.Check(List.of(), null);
        }
        TicketSla followed = calculator.follow(ticket, now);
        if (followed.policy() == null) {
            return new EscalationService.Check(List.of(), followed.problem());
        }
        List<EscalationService.Escalation> done = new ArrayList<>(0);
        Ticket current = ticket;
        Sla.Stored state = followed.stored();
        for (EscalationStage stage : settings.escalation()) {
            if (state.stages().containsKey(stage.id())) {
                continue;
            }
            TicketSla followedNow = TicketSla.of(followed.policy(), state);
            if (!calculator.hasElapsed(current, followedNow, stage.target(), stage.at(), now)) {
                continue;
            }
            String reason = reason(stage, current, followedNow);
            Ticket changed = apply(current, stage.actions(), now);
            state = calculator.advance(state, changed, followed.policy(), now)
                    .withStage(stage.id(), now);
            changed = withSla(changed, state);
            done.add(new EscalationService.Escalation(current, changed, reason, stage.id()));
            current = changed;
        }
        return new EscalationService.Check(done, null);
    }

    private String reason(EscalationStage stage, Ticket ticket, TicketSla followed) {
        String due = followed.stored().sla().due(stage.target()).map(Instant::toString)
                .orElse("after " + org.helpdesktriage.core.sla.BusinessCalendar.LATEST);
        return String.format(Locale.ROOT, "SLA stage '%s': %s of the %s target of policy '%s' "
                + "elapsed (%s on %s, due %s)", stage.id(), percent(stage.at()),
                stage.target().id(), followed.policy().id(),
                followed.policy().target(stage.target()), followed.policy().calendar().id(), due);
    }

    private static String percent(double fraction) {
        double p = fraction * 100;
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
    }

    private static Ticket apply(Ticket t, EscalationStage.Actions a, Instant now) {
        Priority priority = t.priority();
        if (a.priority() != null) {
            priority = Priority.max(priority, a.priority());
        }
        for (int i = 0; i < a.raisePriority(); i++) {
            priority = priority.raised();
        }
        Status status = t.status();
        if (a.status() != null && t.status().canMoveTo(a.status())) {
            status = a.status();
        }
        Set<String> tags = new LinkedHashSet<>(t.tags());
        tags.addAll(a.tags());
        return new Ticket(t.ticketId(), t.title(), t.description(), t.requesterEmail(),
                a.category() == null ? t.category() : a.category(), priority, status,
                t.createdAt(), now, a.assignTo() == null ? t.assignedTo() : a.assignTo(),
                List.copyOf(tags), t.metadata(), t.score());
    }

    private static Ticket withSla(Ticket t, Sla.Stored state) {
        Map<String, Object> metadata = new LinkedHashMap<>(t.metadata());
        metadata.put(Sla.Stored.METADATA_KEY, state.toMetadata());
        return new Ticket(t.ticketId(), t.title(), t.description(), t.requesterEmail(),
                t.category(), t.priority(), t.status(), t.createdAt(), t.updatedAt(),
                t.assignedTo(), t.tags(), metadata, t.score());
    }
}
