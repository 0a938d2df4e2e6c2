package org.helpdesktriage.core.assign;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.model.Ticket;

/**
 * Picks the agent a ticket goes to among a team's available agents: those active, on shift at
 * the triage time, below capacity and holding every skill the ticket requires. The two built-in
 * strategies are {@link #roundRobin()} and {@link #leastLoaded()}; {@link #none()} leaves every
 * ticket on the team's queue. A custom strategy is a lambda:
 *
 * <pre>{@code
 * // the agent with the fewest tickets, ties to the lowest id
 * AssignmentStrategy fewest = (ticket, available) -> available.stream()
 *         .min(Comparator.comparingInt(AssignmentStrategy.Candidate::load));
 * StoringStep storing = StoringStep.builder(engine).store(store)
 *         .assignmentStrategy("billing-team", fewest).build();
 * }</pre>
 *
 * <p>Implementations must be thread-safe and keep no state of their own: the loads and last
 * assignment times they need are in the candidates, kept by an {@link AgentLedger}.
 */
@FunctionalInterface
public interface AssignmentStrategy {

    /**
     * Chooses the agent for {@code ticket}.
     *
     * @param ticket the triaged ticket, its team in {@link Ticket#assignedTo()}
     * @param available the available agents, never empty, in id order
     * @return one of {@code available}, or empty to leave the ticket on the team's queue
     */
    Optional<Candidate> choose(Ticket ticket, List<Candidate> available);

    /**
     * An available agent as a strategy sees it.
     *
     * @param agent the agent
     * @param load how many tickets in a load status the agent holds now
     * @param lastAssigned when a ticket was last assigned to the agent, or {@code null} for never
     */
    record Candidate(Agent agent, int load, Instant lastAssigned) {

        /** Checks the values. */
        public Candidate {
            Objects.requireNonNull(agent, "agent");
        }

        /** Returns how many more tickets the agent can take. */
        public int spare() {
            return agent.capacity() - load;
        }
    }

    /** Orders candidates by how long they have waited: never assigned first, then by id. */
    Comparator<Candidate> LONGEST_WAITING = (a, b) -> {
        Instant x = a.lastAssigned();
        Instant y = b.lastAssigned();
        int c = x == null ? (y == null ? 0 : -1) : y == null ? 1 : x.compareTo(y);
        return c != 0 ? c : a.agent().id().compareTo(b.agent().id());
    };

    /**
     * Returns round robin: the available agent whose last assignment is the oldest (one never
     * assigned counts as oldest), ties to the lowest id.
     */
    static AssignmentStrategy roundRobin() {
        return (ticket, available) -> {
            // a loop, not a stream: it runs for every ticket of a run
            Candidate best = null;
            for (Candidate c : available) {
                if (best == null || LONGEST_WAITING.compare(c, best) < 0) {
                    best = c;
                }
            }
            return Optional.ofNullable(best);
        };
    }

    /**
     * Returns least loaded: the available agent with the most spare capacity, ties to the one
     * waiting longest, then the lowest id.
     */
    static AssignmentStrategy leastLoaded() {
        Comparator<Candidate> order = Comparator.comparingInt(Candidate::spare).reversed()
                .thenComparing(LONGEST_WAITING);
        return (ticket, available) -> {
            Candidate best = null;
            for (Candidate c : available) {
                if (best == null || order.compare(c, best) < 0) {
                    best = c;
                }
            }
            return Optional.ofNullable(best);
        };
    }

    /** Returns the strategy that assigns nobody: tickets wait on the team's queue. */
    static AssignmentStrategy none() {
        return (ticket, available) -> Optional.empty();
    }

    /**
     * Returns the built-in strategy of this name.
     *
     * @throws IllegalArgumentException when no built-in strategy has the name
     */
    static AssignmentStrategy named(String name) {
        switch (Objects.requireNonNull(name, "name")) {
            case "round_robin":
                return roundRobin();
            case "least_loaded":
                return leastLoaded();
            case "none":
                return none();
            default:
                throw new IllegalArgumentException("strategy '" + name + "' is not one of "
                        + String.join(", ", AssignmentSettings.STRATEGIES));
        }
    }
}
