package org.helpdesktriage.core.config;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.helpdesktriage.core.config.SlaConfigReader.Key;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.route.PriorityMatrix;

/**
 * Turns the {@code priority_matrix} key of a configuration into a {@link PriorityMatrix}. Every
 * level, row and cell is checked on its own, so that validating reports all of the key's
 * problems at once, each naming where the value came from, its line when it came from a file,
 * and its key path ({@code priority_matrix.priority[1][2]}).
 */
final class MatrixConfigReader {

    private static final Key ROOT = Key.root("priority_matrix");

    private final String origin;
    private final Function<JsonPointer, String> lineOf;
    private final Problems problems;

    private MatrixConfigReader(String origin, Function<JsonPointer, String> lineOf,
            Problems problems) {
        this.origin = origin;
        this.lineOf = lineOf;
        this.problems = problems;
    }

    /**
     * Reads the section: {@link PriorityMatrix#none()} when it is absent, {@code null} when it
     * has a problem (each reported to {@code problems}).
     *
     * @param origin where the section came from, for messages ("config.json")
     * @param lineOf the line of a JSON pointer in that file, or {@code null} when unknown
     */
    static PriorityMatrix read(ConfigFile.PriorityMatrixSection section, String origin,
            Function<JsonPointer, String> lineOf, Problems problems) {
        if (section == null) {
            return PriorityMatrix.none();
        }
        int before = problems.count();
        MatrixConfigReader reader = new MatrixConfigReader(origin, lineOf, problems);
        List<String> impact = reader.levels(section.impact(), ROOT.key("impact"));
        List<String> urgency = reader.levels(section.urgency(), ROOT.key("urgency"));
        List<List<Priority>> grid = reader.grid(section.priority(), impact, urgency);
        if (problems.count() > before) {
            return null;
        }
        return new PriorityMatrix(impact, urgency, grid);
    }

    private List<String> levels(List<String> given, Key at) {
        if (given == null || given.isEmpty()) {
            problems.report(error(at, (given == null ? "is missing" : "is empty")
                    + "; list the levels, e.g. [\"high\", \"medium\", \"low\"]"));
            return null;
        }
        List<String> levels = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            String level = given.get(i);
            if (level == null || level.isBlank()) {
                problems.report(error(at.index(i), "is blank; a level needs a name"));
                continue;
            }
            Integer first = seen.putIfAbsent(level.strip().toLowerCase(Locale.ROOT), i);
            if (first != null) {
                problems.report(error(at.index(i), "'" + level + "' repeats '"
                        + given.get(first) + "' (" + at.index(first) + "); levels are "
                        + "compared case-insensitively and must be unique"));
                continue;
            }
            levels.add(level.strip());
        }
        return levels.size() == given.size() ? levels : null;
    }

    // one row per impact level, one cell per urgency level; a row of the wrong length is
    // named by its impact level, and its cells are still checked
    private List<List<Priority>> grid(List<List<String>> rows, List<String> impact,
            List<String> urgency) {
        Key at = ROOT.key("priority");
        if (rows == null || rows.isEmpty()) {
            problems.report(error(at, (rows == null ? "is missing" : "is empty")
                    + "; give one row of priorities per impact level"));
            return null;
        }
        if (impact != null && rows.size() != impact.size()) {
            problems.report(error(at, "has " + rows.size() + " rows, but impact has "
                    + impact.size() + " levels " + impact + "; give one row per impact level, "
                    + "in the same order"));
        }
        List<List<Priority>> grid = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            String name = impact != null && i < impact.size()
                    ? " (impact '" + impact.get(i) + "')" : "";
            if (row == null) {
                problems.report(error(at.index(i), "is missing" + name));
                continue;
            }
            if (urgency != null && row.size() != urgency.size()) {
                problems.report(error(at.index(i), "row" + name + " has " + row.size()
                        + " priorities, but urgency has " + urgency.size() + " levels "
                        + urgency + "; give one priority per urgency level, in the same order"));
            }
            List<Priority> cells = new ArrayList<>();
            for (int j = 0; j < row.size(); j++) {
                String value = row.get(j);
                Priority p = Priority.parse(value).orElse(null);
                if (p == null) {
                    problems.report(error(at.index(i).index(j), (value == null ? "is missing"
                            : "'" + value + "' is not a priority") + " (critical, high, "
                            + "medium, low)"));
                } else {
                    cells.add(p);
                }
            }
            grid.add(cells);
        }
        return grid;
    }

    private TriageException error(Key at, String problem) {
        String line = lineOf == null ? null : lineOf.apply(at.pointer());
        if (line == null && lineOf != null) {
            // a missing key has no line of its own: the section's
            line = lineOf.apply(ROOT.pointer());
        }
        return new TriageException(ErrorCode.CONFIG_INVALID, origin
                + (line == null ? "" : " line " + line) + ": " + at + ": " + problem);
    }
}
