package org.helpdesktriage.core.assign;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a ticket went to, or why it waits on its team's queue.
 *
 * <p>Reasons: {@value #ASSIGNED} (the strategy chose {@code assignee}), {@value #KEPT} (the
 * ticket already had an assignee, which is never overwritten), {@value #QUEUE} (the team's
 * strategy is {@code none}), {@value #CLOSED} (a resolved or closed ticket takes nobody), or why
 * nobody was available: {@code no agent in team T}, {@code no active agent},
 * {@code no agent with skills S}, {@code no agent on shift}, {@code all at capacity}, or
 * {@code strategy chose nobody}.
 *
 * @param assignee the agent's id, or {@code null} while the ticket waits
 * @param strategy the team's strategy, by name ({@code custom} for one given in code)
 * @param reason why, as above
 * @param considered each agent of the team and, for those passed over, why (for
 *     {@code --explain}); empty when the strategy was not asked
 */
public record Assignment(String assignee, String strategy, String reason,
        List<Considered> considered) {

    /** The reason of an assignment the strategy made. */
    public static final String ASSIGNED = "assigned";
    /** The reason of an assignee that was there before. */
    public static final String KEPT = "kept";
    /** The reason of a ticket left on the queue by the strategy {@code none}. */
    public static final String QUEUE = "team queue";
    /** The reason of a ticket that needs nobody. */
    public static final String CLOSED = "ticket resolved or closed";

    /** Checks the values and copies the list. */
    public Assignment {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(reason, "reason");
        considered = List.copyOf(considered);
    }

    /** Returns the assignee, or empty while the ticket waits on its team's queue. */
    public Optional<String> agent() {
        return Optional.ofNullable(assignee);
    }

    /** Returns whether the ticket waits for an agent (no assignee, and it needs one). */
    public boolean waits() {
        return assignee == null && !reason.equals(CLOSED);
    }

    /**
     * One agent of the team, as the assignment saw them.
     *
     * @param agent the agent's id
     * @param passedOver why the agent was passed over ({@code off shift}, {@code at capacity
     *     7/8}, {@code missing skill german}, {@code inactive}, {@code not chosen}), or
     *     {@code null} for the one chosen
     */
    public record Considered(String agent, String passedOver) {

        /** Checks the values. */
        public Considered {
            Objects.requireNonNull(agent, "agent");
        }
    }

    /**
     * What assignment did over a run (a storing step's life).
     *
     * @param assigned the tickets assigned to an agent
     * @param kept the tickets that kept the assignee they had
     * @param waiting the tickets left waiting on their team's queue
     * @param assignedPerTeam the assigned tickets by team
     * @param waitingPerReason the waiting tickets by reason ({@code no agent on shift}, ...)
     */
    public record Counts(long assigned, long kept, long waiting,
            Map<String, Long> assignedPerTeam, Map<String, Long> waitingPerReason) {

        /** Copies the maps, sorted by key. */
        public Counts {
            assignedPerTeam = java.util.Collections.unmodifiableMap(
                    new java.util.TreeMap<>(assignedPerTeam));
            waitingPerReason = java.util.Collections.unmodifiableMap(
                    new java.util.TreeMap<>(waitingPerReason));
        }
    }
}
