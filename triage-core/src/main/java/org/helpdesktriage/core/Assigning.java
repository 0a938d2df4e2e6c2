package org.helpdesktriage.core;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.helpdesktriage.core.assign.AgentLedger;
import org.helpdesktriage.core.assign.Assigner;
import org.helpdesktriage.core.assign.Assignment;
import org.helpdesktriage.core.assign.AssignmentSettings;
import org.helpdesktriage.core.assign.AssignmentStrategy;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.rules.RuleDefinition;
import org.helpdesktriage.core.store.TicketStore;

/**
 * The storing step's assignment to people: asks the {@link Assigner} who takes a ticket about
 * to be stored, writes the assignee onto the ticket (metadata {@value AgentLedger#ASSIGNEE} and
 * {@value AgentLedger#ASSIGNED_AT}, status {@code assigned}), keeps the agents' loads on the
 * ledger's board and counts what it did.
 */
final class Assigning {

    /**
     * A result with its assignment applied.
     *
     * @param result the result, its ticket and routing carrying the assignment
     * @param made whether an agent was assigned now (not kept, not waiting)
     */
    record Assigned(TriageResult result, boolean made) {
    }

    private final Assigner assigner;
    private final AgentLedger ledger;
    private final AssignmentSettings settings;
    private final Clock clock;
    private final boolean explain;
    private final Map<String, List<String>> skillsByRule;
    private final java.util.Set<String> teams;
    private final LongAdder assigned = new LongAdder();
    private final LongAdder kept = new LongAdder();
    private final LongAdder waiting = new LongAdder();
    private final Map<String, LongAdder> perTeam = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> perReason = new ConcurrentHashMap<>();

    Assigning(Assigner assigner, AgentLedger ledger, TriageConfig config, Clock clock,
            boolean explain) {
        List<RuleDefinition> rules = config.rules();
        this.teams = config.teams();
        this.assigner = Objects.requireNonNull(assigner, "assigner");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.settings = assigner.settings();
        this.clock = clock;
        this.explain = explain;
        Map<String, List<String>> skills = new LinkedHashMap<>();
        for (RuleDefinition r : rules) {
            List<String> required = requiredSkills(r);
            if (!required.isEmpty()) {
                skills.put(r.id().trim(), required);
            }
        }
        this.skillsByRule = Map.copyOf(skills);
    }

    /**
     * Returns the assignment of an engine's configuration, or {@code null} when it has no
     * agents; without a ledger given, the loads are read from the store's tickets, or start
     * from nothing without a store.
     */
    static Assigning of(TriageEngine engine, TicketStore store, AgentLedger ledger,
            Map<String, AssignmentStrategy> strategies) {
        AssignmentSettings settings = engine.config().assignment();
        if (!settings.enabled()) {
            return null;
        }
        Assigner assigner = Assigner.of(settings, engine.config().sla());
        for (Map.Entry<String, AssignmentStrategy> e : strategies.entrySet()) {
            assigner = assigner.withStrategy(e.getKey(), e.getValue());
        }
        AgentLedger l = ledger != null ? ledger
                : store != null ? AgentLedger.over(store) : AgentLedger.inMemory();
        return new Assigning(assigner, l, engine.config(), engine.clock(),
                engine.explains());
    }

    /** Assigns without a store: one board for the whole list, each triaged one in turn. */
    List<TriageOutcome> assignAll(List<TriageOutcome> outcomes) {
        List<TriageOutcome> out = new ArrayList<>(outcomes.size());
        try (AgentLedger.Board board = open()) {
            for (TriageOutcome o : outcomes) {
                out.add(o instanceof TriageOutcome.Triaged t ? new TriageOutcome.Triaged(
                        assign(t.arriving(), t.result().ticket(), null, t.result(),
                                board).result(), t.arriving()) : o);
            }
            board.commit();
        }
        return out;
    }

    AgentLedger.Board open() {
        return ledger.open(settings);
    }

    /**
     * Assigns the ticket about to be stored, and keeps the loads on {@code board}.
     *
     * @param arriving the ticket as the source stated it
     * @param ticket the ticket to store (merged with the stored one)
     * @param previous the stored ticket it replaces, or {@code null}
     * @param result the result reporting {@code ticket}
     */
    Assigned assign(Ticket arriving, Ticket ticket, Ticket previous, TriageResult result,
            AgentLedger.Board board) {
        Instant now = clock.instant();
        ticket = withStatedAssignee(arriving, ticket);
        Assignment a = assigner.assign(ticket, requiredSkills(result), now, board, explain);
        Ticket after = ticket;
        if (a.reason().equals(Assignment.ASSIGNED)) {
            after = AgentLedger.handedTo(ticket, a.assignee(), now, ticket.updatedAt());
            board.assigned(a.assignee(), assigner.rotationTime(ticket.assignedTo(), now, board));
        }
        keepLoad(previous, after, board);
        count(a, ticket.assignedTo());
        TriageResult r = result;
        TriageResult out = new TriageResult(after, r.routing().withAssignment(a), r.score(),
                r.notes(), r.explanation(), r.position(), r.sla(), r.configFingerprint(),
                r.shadow());
        return new Assigned(out, a.reason().equals(Assignment.ASSIGNED));
    }

    Assignment.Counts stats() {
        Map<String, Long> teams = new java.util.TreeMap<>();
        perTeam.forEach((k, v) -> teams.put(k, v.sum()));
        Map<String, Long> reasons = new java.util.TreeMap<>();
        perReason.forEach((k, v) -> reasons.put(k, v.sum()));
        return new Assignment.Counts(assigned.sum(), kept.sum(), waiting.sum(), teams,
                reasons);
    }

    // a source that names a person in assigned_to (or its alias assignee) hands the ticket to
    // them: an agent of the roster, or anyone who is not a team; that assignee is kept
    private Ticket withStatedAssignee(Ticket arriving, Ticket ticket) {
        String stated = arriving.assignedTo();
        if (stated == null || stated.isBlank() || stated.trim().equals(
                AgentLedger.assigneeOf(ticket))) {
            return ticket;
        }
        stated = stated.trim();
        if (settings.agent(stated).isEmpty() && teams.contains(stated)) {
            return ticket;
        }
        Map<String, Object> metadata = new LinkedHashMap<>(ticket.metadata());
        metadata.put(AgentLedger.ASSIGNEE, stated);
        return new Ticket(ticket.ticketId(), ticket.title(), ticket.description(),
                ticket.requesterEmail(), ticket.category(), ticket.priority(), ticket.status(),
                ticket.createdAt(), ticket.updatedAt(), ticket.assignedTo(), ticket.tags(),
                metadata, ticket.score());
    }

    // a ticket counts towards its assignee's load while in a load status; a re-import that
    // resolves it, or names another assignee, moves the count
    private void keepLoad(Ticket previous, Ticket after, AgentLedger.Board board) {
        String before = previous == null || !settings.countsAsLoad(previous.status()) ? null
                : AgentLedger.assigneeOf(previous);
        String now = settings.countsAsLoad(after.status()) ? AgentLedger.assigneeOf(after)
                : null;
        if (before != null && !before.equals(now)) {
            board.released(before, after.ticketId());
        }
        if (now != null && !now.equals(before)) {
            board.took(now, after.ticketId());
        }
    }

    private void count(Assignment a, String team) {
        if (a.reason().equals(Assignment.ASSIGNED)) {
            assigned.increment();
            perTeam.computeIfAbsent(team == null ? "" : team, t -> new LongAdder()).increment();
        } else if (a.reason().equals(Assignment.KEPT)) {
            kept.increment();
        } else if (a.waits()) {
            waiting.increment();
            perReason.computeIfAbsent(a.reason(), t -> new LongAdder()).increment();
        }
    }

    // the skills every matched rule requires, in rule order, without repeats
    private List<String> requiredSkills(TriageResult result) {
        if (skillsByRule.isEmpty()) {
            return List.of();
        }
        LinkedHashSet<String> skills = new LinkedHashSet<>();
        for (String rule : result.routing().rulesMatched()) {
            skills.addAll(skillsByRule.getOrDefault(rule, List.of()));
        }
        return new ArrayList<>(skills);
    }

    private static List<String> requiredSkills(RuleDefinition rule) {
        return rule.actions().requireSkills();
    }
}
