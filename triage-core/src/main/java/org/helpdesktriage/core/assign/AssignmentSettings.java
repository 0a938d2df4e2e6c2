package org.helpdesktriage.core.assign;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.helpdesktriage.core.model.Status;

/**
 * The {@code agents}, {@code agents_file} and {@code assignment} keys of a configuration: who
 * takes tickets and how each team's tickets are given out. {@link #none()} assigns nobody.
 *
 * @param agents the roster: the configuration's agents, then the agents file's, by id
 * @param agentsFile the roster file the agents were read from, or {@code null}
 * @param teamStrategies each team's strategy by name ({@code round_robin}, {@code least_loaded},
 *     {@code none})
 * @param defaultStrategy the strategy of a team not listed
 * @param loadStatuses the statuses in which a ticket counts towards its assignee's load
 */
public record AssignmentSettings(List<Agent> agents, Path agentsFile,
        Map<String, String> teamStrategies, String defaultStrategy, Set<Status> loadStatuses) {

    /** The built-in strategies' names. */
    public static final List<String> STRATEGIES = List.of("round_robin", "least_loaded", "none");

    /** The statuses that count as load when the configuration names none. */
    public static final Set<Status> DEFAULT_LOAD_STATUSES = Set.copyOf(EnumSet.of(Status.NEW,
            Status.TRIAGED, Status.ASSIGNED, Status.IN_PROGRESS, Status.ESCALATED));

    private static final AssignmentSettings NONE = new AssignmentSettings(List.of(), null,
            Map.of(), "none", DEFAULT_LOAD_STATUSES);

    /** Checks the values and copies the collections. */
    public AssignmentSettings {
        agents = List.copyOf(agents);
        teamStrategies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(teamStrategies));
        Objects.requireNonNull(defaultStrategy, "defaultStrategy");
        loadStatuses = Set.copyOf(loadStatuses);
        for (String s : teamStrategies.values()) {
            checkStrategy(s);
        }
        checkStrategy(defaultStrategy);
    }

    /** Returns the settings that assign nobody. */
    public static AssignmentSettings none() {
        return NONE;
    }

    /**
     * Returns whether assignment is on: a roster is configured (in the configuration or a
     * file). Without one, results carry no assignee and nothing is counted.
     */
    public boolean enabled() {
        return !agents.isEmpty() || agentsFile != null;
    }

    /** Returns the strategy name of {@code team}: its own, or the default. */
    public String strategyOf(String team) {
        return teamStrategies.getOrDefault(team, defaultStrategy);
    }

    /** Returns the agent with this id, or empty. */
    public Optional<Agent> agent(String id) {
        return agents.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Returns whether a ticket in {@code status} counts towards its assignee's load. */
    public boolean countsAsLoad(Status status) {
        return loadStatuses.contains(status);
    }

    private static void checkStrategy(String name) {
        if (!STRATEGIES.contains(name)) {
            throw new IllegalArgumentException("strategy '" + name + "' is not one of "
                    + String.join(", ", STRATEGIES));
        }
    }
}
