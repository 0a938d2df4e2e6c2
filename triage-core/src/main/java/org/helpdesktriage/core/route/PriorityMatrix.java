package org.helpdesktriage.core.route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.rules.RuleDefinition;

/**
 * Priority as impact by urgency, as ITIL and ServiceNow define it: a grid whose rows are the
 * impact levels and whose columns are the urgency levels, each cell a priority. A ticket whose
 * impact and urgency are both known takes the cell's priority ({@code priority_matrix} in
 * {@code config.json}; {@link #none()} when the key is absent).
 *
 * <pre>{@code
 * PriorityMatrix m = new PriorityMatrix(List.of("high", "low"), List.of("high", "low"),
 *         List.of(List.of(Priority.CRITICAL, Priority.HIGH),
 *                 List.of(Priority.MEDIUM, Priority.LOW)));
 * m.priority("High", "2 - low"); // Optional[high]
 * }</pre>
 *
 * <p>Levels are compared trimmed and case-insensitively; a ticket's value may also be written
 * as ServiceNow exports it, a number, a dash and the level ({@code "1 - High"}).
 *
 * @param impact the impact levels, one per row, in order
 * @param urgency the urgency levels, one per column, in order
 * @param priority one row per impact level, each with one priority per urgency level
 */
public record PriorityMatrix(List<String> impact, List<String> urgency,
        List<List<Priority>> priority) {

    // "1 - High", "2-Medium": ServiceNow's choice values as exported
    private static final Pattern NUMBERED = Pattern.compile("\\d+\\s*-\\s*(\\S.*)");
    private static final PriorityMatrix NONE = new PriorityMatrix(List.of(), List.of(),
            List.of());

    /** Checks the levels and the grid's dimensions, and copies the lists. */
    public PriorityMatrix {
        impact = List.copyOf(impact);
        urgency = List.copyOf(urgency);
        List<List<Priority>> rows = new ArrayList<>();
        for (List<Priority> row : priority) {
            rows.add(List.copyOf(row));
        }
        priority = List.copyOf(rows);
        if (!impact.isEmpty() || !urgency.isEmpty() || !priority.isEmpty()) {
            checkLevels("impact", impact);
            checkLevels("urgency", urgency);
            if (priority.size() != impact.size()) {
                throw new IllegalArgumentException("priority has " + priority.size()
                        + " rows, but impact has " + impact.size() + " levels " + impact);
            }
            for (int i = 0; i < priority.size(); i++) {
                if (priority.get(i).size() != urgency.size()) {
                    throw new IllegalArgumentException("priority row " + i + " (impact '"
                            + impact.get(i) + "') has " + priority.get(i).size()
                            + " priorities, but urgency has " + urgency.size() + " levels "
                            + urgency);
                }
            }
        }
    }

    private static void checkLevels(String axis, List<String> levels) {
        if (levels.isEmpty()) {
            throw new IllegalArgumentException(axis + " has no levels");
        }
        Map<String, String> seen = new HashMap<>();
        for (String level : levels) {
            if (level.isBlank()) {
                throw new IllegalArgumentException(axis + " has a blank level: " + levels);
            }
            String first = seen.putIfAbsent(key(level), level);
            if (first != null) {
                throw new IllegalArgumentException(axis + " level '" + level + "' repeats '"
                        + first + "'");
            }
        }
    }

    /** Returns the matrix of a configuration without {@code priority_matrix}: it decides nothing. */
    public static PriorityMatrix none() {
        return NONE;
    }

    /** Returns whether this is {@link #none()}: no levels, no priorities. */
    public boolean isNone() {
        return impact.isEmpty();
    }

    /**
     * Returns the impact level a value names, as configured, or empty when it names none:
     * compared trimmed and case-insensitively, {@code "1 - High"} read as {@code High}.
     */
    public Optional<String> impactLevel(String value) {
        return level(impact, value);
    }

    /** Returns the urgency level a value names, as {@link #impactLevel} reads it. */
    public Optional<String> urgencyLevel(String value) {
        return level(urgency, value);
    }

    /**
     * Returns the priority of an impact and an urgency, each read as {@link #impactLevel}
     * reads it, or empty when either names no level.
     */
    public Optional<Priority> priority(String impactValue, String urgencyValue) {
        int row = index(impact, impactValue);
        int column = index(urgency, urgencyValue);
        return row < 0 || column < 0 ? Optional.empty()
                : Optional.of(priority.get(row).get(column));
    }

    /**
     * Returns what is wrong with a rule's {@code set_impact} and {@code set_urgency} under this
     * matrix, by action name, in that order; empty when nothing is. Each must name a level, and
     * neither may be used without a matrix.
     */
    public Map<String, String> problemsOf(RuleDefinition rule) {
        RuleDefinition.Actions a = rule.actions();
        Map<String, String> problems = new LinkedHashMap<>();
        check(rule, "set_impact", a.setImpact(), impact, problems);
        check(rule, "set_urgency", a.setUrgency(), urgency, problems);
        return problems;
    }

    private void check(RuleDefinition rule, String action, String value, List<String> levels,
            Map<String, String> problems) {
        if (value == null) {
            return;
        }
        String prefix = "rule '" + rule.id() + "': action " + action + " '" + value + "' ";
        if (isNone()) {
            problems.put(action, prefix + "needs a priority_matrix; add one, or remove the "
                    + "action");
        } else if (index(levels, value) < 0) {
            problems.put(action, prefix + "is not a level of priority_matrix."
                    + action.substring("set_".length()) + " " + levels);
        }
    }

    private static Optional<String> level(List<String> levels, String value) {
        int i = index(levels, value);
        return i < 0 ? Optional.empty() : Optional.of(levels.get(i));
    }

    private static int index(List<String> levels, String value) {
        if (value == null) {
            return -1;
        }
        String k = key(value);
        Matcher numbered = NUMBERED.matcher(k);
        for (String candidate : numbered.matches() ? List.of(k, key(numbered.group(1)))
                : List.of(k)) {
            for (int i = 0; i < levels.size(); i++) {
                if (key(levels.get(i)).equals(candidate)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String key(String level) {
        return level.strip().toLowerCase(Locale.ROOT);
    }
}
