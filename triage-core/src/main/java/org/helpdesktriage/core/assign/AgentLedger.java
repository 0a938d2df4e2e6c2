package org.helpdesktriage.core.assign;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.TicketStore;

/**
 * Keeps what assignment needs between tickets and between runs: each agent's load (the tickets
 * assigned to them in a load status) and when each was last assigned a ticket. A batch counts
 * its own assignments, so ticket 2 sees ticket 1's; a store's ledger keeps them for the next run,
 * so successive cron runs continue one rotation.
 *
 * <p>Work goes through a {@link Board} opened for a group of tickets: other processes assigning
 * through the same store wait until it is closed, and {@link Board#commit()} comes after the
 * group's tickets are saved, so two processes never push an agent over capacity. The file store
 * and the PostgreSQL store have ledgers of their own; {@link #over(TicketStore)} reads the loads
 * of any other store from its tickets, and {@link #inMemory()} starts from nothing.
 */
public interface AgentLedger {

    /** The metadata key a ticket keeps its assignee (an agent's id) under. */
    String ASSIGNEE = "assignee";

    /** The metadata key a ticket keeps the time of its assignment under. */
    String ASSIGNED_AT = "assigned_at";

    /**
     * Opens the board for a group of assignments; close it when done.
     *
     * @param settings the roster and the statuses that count as load
     */
    Board open(AssignmentSettings settings);

    /**
     * Agents' loads and last assignments while a group of tickets is assigned.
     */
    interface Board extends AutoCloseable {

        /** Returns how many tickets in a load status the agent holds. */
        int load(String agentId);

        /** Returns when the agent was last assigned a ticket, or {@code null} for never. */
        Instant lastAssigned(String agentId);

        /** Records that {@code ticketId} now counts towards the agent's load. */
        void took(String agentId, String ticketId);

        /** Records that {@code ticketId} no longer counts towards the agent's load. */
        void released(String agentId, String ticketId);

        /** Records that the agent was assigned a ticket at {@code at} (the rotation). */
        void assigned(String agentId, Instant at);

        /** Makes what was recorded last, after the group's tickets are saved. */
        void commit();

        /** Ends the group; what was not committed is forgotten by a store's ledger. */
        @Override
        void close();
    }

    /** Returns the assignee a ticket holds (metadata {@value #ASSIGNEE}), or {@code null}. */
    static String assigneeOf(Ticket ticket) {
        Object value = ticket.metadata().get(ASSIGNEE);
        return value instanceof String s && !s.isBlank() ? s.trim() : null;
    }

    /**
     * Returns {@code ticket} handed to {@code agent} at {@code at}: metadata {@value #ASSIGNEE}
     * and {@value #ASSIGNED_AT}, and a new or triaged ticket moved to {@code assigned}; the one
     * way triage and the {@code assign} sweep write an assignment.
     *
     * @param updatedAt the ticket's {@code updated_at} afterwards
     */
    static Ticket handedTo(Ticket ticket, String agent, Instant at, Instant updatedAt) {
        java.util.Map<String, Object> metadata = new java.util.LinkedHashMap<>(ticket.metadata());
        metadata.put(ASSIGNEE, agent);
        metadata.put(ASSIGNED_AT, at.toString());
        org.helpdesktriage.core.model.Status status = ticket.status()
                == org.helpdesktriage.core.model.Status.NEW || ticket.status()
                == org.helpdesktriage.core.model.Status.TRIAGED
                ? org.helpdesktriage.core.model.Status.ASSIGNED : ticket.status();
        return new Ticket(ticket.ticketId(), ticket.title(), ticket.description(),
                ticket.requesterEmail(), ticket.category(), ticket.priority(), status,
                ticket.createdAt(), updatedAt, ticket.assignedTo(), ticket.tags(), metadata,
                ticket.score());
    }

    /** Returns when a ticket was assigned (metadata {@value #ASSIGNED_AT}), or {@code null}. */
    static Instant assignedAtOf(Ticket ticket) {
        Object value = ticket.metadata().get(ASSIGNED_AT);
        if (value instanceof String s) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** Returns a ledger that starts from nothing and keeps its state in memory. */
    static AgentLedger inMemory() {
        return new MemoryLedger(null);
    }

    /**
     * Returns a ledger that reads the loads and last assignments from the store's tickets when
     * first opened, then keeps its state in memory: for a store without a ledger of its own,
     * used by one process at a time.
     */
    static AgentLedger over(TicketStore store) {
        return new MemoryLedger(Objects.requireNonNull(store, "store"));
    }
}
