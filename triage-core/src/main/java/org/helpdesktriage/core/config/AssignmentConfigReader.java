package org.helpdesktriage.core.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.helpdesktriage.core.assign.Agent;
import org.helpdesktriage.core.assign.AssignmentSettings;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.sla.SlaSettings;

/**
 * Turns the {@code agents}, {@code agents_file} and {@code assignment} keys into
 * {@link AssignmentSettings}: reads the roster (see {@link AgentRoster}), then checks every agent
 * against the configuration (a known team, a configured calendar, capacity at least 1, a unique
 * id) and every team's strategy. All problems are reported at once, even when loading, since a
 * roster exported each morning is best fixed in one go.
 */
final class AssignmentConfigReader {

    /**
     * Where the keys came from.
     *
     * @param agentsOrigin the file (or layer) of {@code agents}
     * @param agentsLines the line of a value in that file, or {@code null}
     * @param assignmentOrigin the file (or layer) of {@code assignment}
     * @param assignmentLines the line of a value in that file, or {@code null}
     */
    record Origins(String agentsOrigin, Function<JsonPointer, String> agentsLines,
            String assignmentOrigin, Function<JsonPointer, String> assignmentLines) {
    }

    /** The keys of the {@code assignment} section. */
    static final List<String> SECTION_KEYS = List.of("teams", "default_strategy",
            "load_statuses");

    private AssignmentConfigReader() {
    }

    /**
     * Reads the settings, or returns {@link AssignmentSettings#none()} when none of the keys is
     * set, or {@code null} after reporting problems to {@code problems}.
     *
     * @param teams every team the configuration routes to (categories, rules, review team,
     *     escalation stages)
     */
    static AssignmentSettings read(JsonNode agents, Path agentsFile, JsonNode assignment,
            Origins origins, Set<String> teams, SlaSettings sla, Problems problems) {
        if (agents == null && agentsFile == null && assignment == null) {
            return AssignmentSettings.none();
        }
        List<String> found = new ArrayList<>();
        AgentRoster roster = new AgentRoster(found);
        List<AgentRoster.Row> rows = new ArrayList<>();
        if (agents != null) {
            rows.addAll(roster.fromJson(agents, origins.agentsOrigin(), "agents",
                    origins.agentsLines()));
        }
        if (agentsFile != null) {
            rows.addAll(roster.fromFile(agentsFile));
        }
        List<Agent> list = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (AgentRoster.Row row : rows) {
            Object id = row.values().get("id");
            String first = id instanceof String s ? seen.putIfAbsent(s.trim(), row.where()) : null;
            if (first != null) {
                found.add(row.where() + ": id '" + id + "' is already the id of the agent at "
                        + first + "; agent ids must be unique");
                continue;
            }
            Agent a = agent(row, teams, sla, found);
            if (a != null) {
                list.add(a);
            }
        }
        AssignmentSettings settings = section(assignment, origins, teams, list, agentsFile,
                found);
        if (!found.isEmpty()) {
            if (!problems.collects()) {
                throw new TriageException(ErrorCode.CONFIG_INVALID, String.join("\n", found));
            }
            found.forEach(problems::report);
            return null;
        }
        return settings;
    }

    /** Returns every team a configuration routes to; see {@link TriageConfig#teams()}. */
    static java.util.Set<String> teams(org.helpdesktriage.core.model.Categories categories,
            List<org.helpdesktriage.core.rules.RuleDefinition> rules,
            org.helpdesktriage.core.route.ClassifierPolicy classifier, SlaSettings sla) {
        java.util.Set<String> teams = new java.util.TreeSet<>(categories.teams().values());
        rules.forEach(r -> {
            if (r != null && r.actions().assignTo() != null) {
                teams.add(r.actions().assignTo().trim());
            }
        });
        if (classifier != null && classifier.reviewTeam() != null) {
            teams.add(classifier.reviewTeam());
        }
        sla.escalation().forEach(stage -> {
            if (stage.actions().assignTo() != null) {
                teams.add(stage.actions().assignTo());
            }
        });
        return java.util.Collections.unmodifiableSet(teams);
    }

    private static Agent agent(AgentRoster.Row row, Set<String> teams, SlaSettings sla,
            List<String> found) {
        Map<String, Object> v = row.values();
        int before = found.size();
        String id = (String) v.get("id");
        if (id == null || id.isBlank()) {
            found.add(row.where() + ": id is missing; every agent needs one");
        } else if (id.chars().anyMatch(Character::isISOControl)) {
            found.add(row.where() + ": id holds a control character");
        }
        @SuppressWarnings("unchecked")
        List<String> agentTeams = (List<String>) v.getOrDefault("teams", List.of());
        if (agentTeams.isEmpty()) {
            found.add(row.where() + ": teams is missing; name the teams the agent works for");
        }
        for (String t : agentTeams) {
            if (!teams.contains(t)) {
                found.add(row.where() + ": teams names '" + t + "', which is not a team of the"
                        + " configuration (teams: " + String.join(", ", new java.util.TreeSet<>(
                                teams)) + ")");
            }
        }
        Integer capacity = (Integer) v.get("capacity");
        if (capacity == null) {
            if (found.stream().noneMatch(m -> m.startsWith(row.where() + ": capacity"))) {
                found.add(row.where() + ": capacity is missing; give the most tickets the agent"
                        + " holds at once");
            }
        } else if (capacity < 1) {
            found.add(row.where() + ": capacity " + capacity + " is below 1; an agent holds at"
                    + " least one ticket (set active to false to give them none)");
        }
        String calendar = (String) v.get("calendar");
        if (calendar != null && sla.calendar(calendar).isEmpty()) {
            found.add(row.where() + ": calendar '" + calendar + "' is not a calendar of sla."
                    + "calendars (calendars: " + String.join(", ", sla.calendars().keySet())
                    + (sla.calendars().isEmpty() ? "24x7" : ", 24x7") + ")");
        }
        if (found.size() > before) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<String> skills = (List<String>) v.getOrDefault("skills", List.of());
        return new Agent(id.trim(), (String) v.get("name"), (String) v.get("email"), agentTeams,
                Set.copyOf(skills), capacity, calendar, (Boolean) v.getOrDefault("active",
                        Boolean.TRUE));
    }

    private static AssignmentSettings section(JsonNode node, Origins origins, Set<String> teams,
            List<Agent> agents, Path agentsFile, List<String> found) {
        Map<String, String> strategies = new LinkedHashMap<>();
        String fallback = "none";
        Set<Status> load = AssignmentSettings.DEFAULT_LOAD_STATUSES;
        JsonPointer root = JsonPointer.empty().appendProperty("assignment");
        if (node != null && !node.isObject()) {
            found.add(where(origins, root) + "assignment must be an object with teams, "
                    + "default_strategy and load_statuses");
            node = null;
        }
        if (node != null) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                JsonPointer at = root.appendProperty(f.getKey());
                switch (f.getKey()) {
                    case "teams" -> teams(f.getValue(), at, origins, teams, strategies, found);
                    case "default_strategy" -> {
                        String s = strategy(f.getValue(), at, "assignment.default_strategy",
                                origins, found);
                        fallback = s == null ? fallback : s;
                    }
                    case "load_statuses" -> {
                        Set<Status> s = statuses(f.getValue(), at, origins, found);
                        load = s == null ? load : s;
                    }
                    default -> found.add(where(origins, at) + "assignment." + f.getKey()
                            + " is not a key of assignment (teams, default_strategy,"
                            + " load_statuses)");
                }
            }
        }
        return new AssignmentSettings(agents, agentsFile, strategies, fallback, load);
    }

    private static void teams(JsonNode value, JsonPointer at, Origins origins, Set<String> teams,
            Map<String, String> strategies, List<String> found) {
        if (!value.isObject()) {
            found.add(where(origins, at) + "assignment.teams must be an object of team: "
                    + "{\"strategy\": ...}");
            return;
        }
        value.fields().forEachRemaining(e -> {
            JsonPointer teamAt = at.appendProperty(e.getKey());
            String path = "assignment.teams." + e.getKey();
            if (!teams.contains(e.getKey())) {
                found.add(where(origins, teamAt) + path + ": '" + e.getKey() + "' is not a team"
                        + " of the configuration");
            }
            JsonNode s = e.getValue().get("strategy");
            if (!e.getValue().isObject() || s == null) {
                found.add(where(origins, teamAt) + path + " must be {\"strategy\": "
                        + "\"round_robin\"} (or least_loaded, none)");
                return;
            }
            String name = strategy(s, teamAt.appendProperty("strategy"), path + ".strategy",
                    origins, found);
            if (name != null) {
                strategies.put(e.getKey(), name);
            }
        });
    }

    private static String strategy(JsonNode value, JsonPointer at, String path, Origins origins,
            List<String> found) {
        String name = value.isTextual() ? value.asText().trim() : null;
        if (name == null || !AssignmentSettings.STRATEGIES.contains(name)) {
            found.add(where(origins, at) + path + " " + value + " is not one of "
                    + String.join(", ", AssignmentSettings.STRATEGIES));
            return null;
        }
        return name;
    }

    private static Set<Status> statuses(JsonNode value, JsonPointer at, Origins origins,
            List<String> found) {
        if (!value.isArray() || value.isEmpty()) {
            found.add(where(origins, at) + "assignment.load_statuses must be a non-empty list"
                    + " of statuses");
            return null;
        }
        Set<Status> out = EnumSet.noneOf(Status.class);
        for (int i = 0; i < value.size(); i++) {
            JsonNode s = value.get(i);
            Status status = s.isTextual() ? Status.parse(s.asText()).orElse(null) : null;
            if (status == null) {
                found.add(where(origins, at.appendIndex(i)) + "assignment.load_statuses[" + i
                        + "] " + s + " is not a status (" + String.join(", ", java.util.Arrays
                                .stream(Status.values()).map(Status::id).toList()) + ")");
            } else {
                out.add(status);
            }
        }
        return out;
    }

    private static String where(Origins origins, JsonPointer at) {
        String line = origins.assignmentLines() == null ? null
                : origins.assignmentLines().apply(at);
        return origins.assignmentOrigin() + (line == null ? "" : " line " + line) + ": ";
    }
}
