package org.helpdesktriage.core.assign;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person tickets are assigned to: a member of one or more teams, with skills, a capacity (how
 * many open tickets they hold at most) and the calendar of their shifts.
 *
 * @param id the agent's id, written as a ticket's {@code assignee}
 * @param name the agent's name, or {@code null}
 * @param email the agent's e-mail address, or {@code null}
 * @param teams the teams the agent works for
 * @param skills the agent's skills, compared ignoring case
 * @param capacity the most tickets in a load status the agent holds at once, at least 1
 * @param calendar the SLA calendar of the agent's shifts, or {@code null} for always on shift
 * @param active whether the agent takes tickets at all
 */
public record Agent(String id, String name, String email, List<String> teams, Set<String> skills,
        int capacity, String calendar, boolean active) {

    /** Checks the values and copies the collections (skills lower-cased, sorted). */
    public Agent {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("an agent's id is blank");
        }
        teams = List.copyOf(teams);
        TreeSet<String> lower = new TreeSet<>();
        skills.forEach(s -> lower.add(s.trim().toLowerCase(java.util.Locale.ROOT)));
        skills = java.util.Collections.unmodifiableSet(lower);
        if (capacity < 1) {
            throw new IllegalArgumentException("agent '" + id + "' has capacity " + capacity
                    + "; it must be at least 1");
        }
    }

    /** Returns whether the agent works for {@code team}. */
    public boolean worksFor(String team) {
        return teams.contains(team);
    }

    /** Returns the required skills the agent lacks, in the order given (ignoring case). */
    public List<String> missing(List<String> required) {
        return required.stream()
                .filter(s -> !skills.contains(s.trim().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }
}
