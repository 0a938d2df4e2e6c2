package org.helpdesktriage.cli;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.assign.AgentLedger;
import org.helpdesktriage.core.assign.AssignmentSettings;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.store.Storage;

/**
 * What {@code tickets update} does to a stored ticket: moves its status along the life cycle
 * ({@link Ticket#withStatus}) and hands it to another agent, saves and audits it (action
 * {@code update}) under a board of the store's agent ledger, so that the agents' loads follow:
 * a ticket resolved by hand frees its agent's capacity at once.
 */
final class TicketUpdate {

    /**
     * The outcome.
     *
     * @param ticket the ticket as saved, or empty when there is no such ticket
     * @param changes what changed (empty: nothing, and nothing was written)
     */
    record Outcome(Optional<Ticket> ticket, Map<String, AuditLog.Entry.Change> changes) {
    }

    private TicketUpdate() {
    }

    /**
     * Updates ticket {@code id}.
     *
     * @param status the new status, or {@code null} to keep it
     * @param assignee the agent to hand the ticket to, or {@code null} to keep its assignee
     * @throws IllegalStateException when the life cycle forbids the transition
     * @throws IllegalArgumentException when the agent is not in the roster
     */
    static Outcome apply(Storage data, AssignmentSettings settings, String id, Status status,
            String assignee, String actor, Instant now) {
        Optional<Ticket> found = data.tickets().get(id);
        if (found.isEmpty()) {
            return new Outcome(found, Map.of());
        }
        Ticket before = found.get();
        if (assignee != null && settings.agent(assignee).isEmpty()) {
            throw new IllegalArgumentException("agent '" + assignee + "' is not in the roster "
                    + "(agents, agents_file); 'helpdesk-triage agents' lists it");
        }
        String held = AgentLedger.assigneeOf(before);
        boolean handOver = assignee != null && !assignee.equals(held);
        Status target = status != null ? status : handOver
                && (before.status() == Status.NEW || before.status() == Status.TRIAGED)
                ? Status.ASSIGNED : before.status();
        Ticket after = before;
        if (handOver) {
            Map<String, Object> metadata = new LinkedHashMap<>(before.metadata());
            metadata.put(AgentLedger.ASSIGNEE, assignee);
            metadata.put(AgentLedger.ASSIGNED_AT, now.toString());
            after = new Ticket(before.ticketId(), before.title(), before.description(),
                    before.requesterEmail(), before.category(), before.priority(),
                    before.status(), before.createdAt(), now, before.assignedTo(),
                    before.tags(), metadata, before.score());
        }
        if (target != before.status()) {
            after = after.withStatus(target, now);
        }
        Map<String, AuditLog.Entry.Change> changes = new LinkedHashMap<>();
        if (after.status() != before.status()) {
            changes.put("status", new AuditLog.Entry.Change(before.status().id(),
                    after.status().id()));
        }
        if (handOver) {
            changes.put("assignee", new AuditLog.Entry.Change(held, assignee));
        }
        if (changes.isEmpty()) {
            return new Outcome(Optional.of(before), changes);
        }
        try (AgentLedger.Board board = settings.enabled()
                ? data.agentLedger().open(settings) : null) {
            data.tickets().save(after);
            data.audit().append(new AuditLog.Entry(now, actor, "update", id, changes, null));
            if (board != null) {
                String was = settings.countsAsLoad(before.status()) ? held : null;
                String is = settings.countsAsLoad(after.status())
                        ? AgentLedger.assigneeOf(after) : null;
                if (was != null && !was.equals(is)) {
                    board.released(was, id);
                }
                if (is != null && !is.equals(was)) {
                    board.took(is, id);
                }
                board.commit();
            }
        }
        return new Outcome(Optional.of(after), changes);
    }
}
