package org.helpdesktriage.core.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.helpdesktriage.core.config.ModuleSettings;
import org.helpdesktriage.core.model.InputLimits;

/** Renders a {@link TriageConfig} back to the JSON shape of {@code config.json}. */
final class ConfigJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConfigJson() {
    }

    static ObjectNode toTree(TriageConfig c) {
        ObjectNode n = MAPPER.createObjectNode();
        // the store's and the log's settings, as their owners wrote them canonically; never
        // store_url nor db_password_file, which may hold secrets
        ModuleSettings owned = c.moduleSettings();
        owned.value("store_type").ifPresent(v -> n.put("store_type", v));
        owned.value("store_path").ifPresent(v -> n.put("store_path", v));
        n.put("cache_enabled", c.cacheEnabled());
        n.put("cache_ttl", c.cacheTtl().toSeconds());
        n.put("escalation_threshold_hours", c.escalation().thresholdHours());
        n.put("auto_escalate_critical", c.escalation().autoEscalateCritical());
        n.put("max_ticket_title_length", c.maxTitleLength());
        n.put("max_ticket_description_length", c.maxDescriptionLength());
        n.put("default_priority", c.defaultPriority().id());
        owned.value("log_level").ifPresent(v -> n.put("log_level", v));
        n.put("match_mode", c.matchMode().id());
        n.put("default_category", c.categories().fallback());
        ObjectNode cats = n.putObject("categories");
        c.categories().teams().forEach(cats::put);
        ObjectNode syn = n.putObject("synonyms");
        ObjectNode sc = syn.putObject("category");
        new java.util.TreeMap<>(c.categorySynonyms()).forEach(sc::put);
        ObjectNode sp = syn.putObject("priority");
        new java.util.TreeMap<>(c.prioritySynonyms()).forEach((k, v) -> sp.put(k, v.id()));
        ObjectNode scoring = n.putObject("scoring");
        ObjectNode w = scoring.putObject("weights");
        new java.util.TreeMap<>(c.scoring().weights()).forEach(w::put);
        c.scoring().urgencyKeywords().forEach(scoring.putArray("urgency_keywords")::add);
        scoring.put("points_per_keyword", c.scoring().pointsPerKeyword());
        scoring.put("urgency_cap", c.scoring().urgencyCap());
        n.set("rules", MAPPER.valueToTree(c.rules()));
        limits(n, c.limits());
        c.classifierSettings().ifPresent(p -> {
            ObjectNode cl = n.putObject("classifier");
            p.modelFile().ifPresent(m -> cl.put("model", m.toString()));
            cl.put("min_confidence", p.minConfidence());
            if (p.reviewTeam() != null) {
                cl.put("review_team", p.reviewTeam());
            }
            cl.put("policy", p.decision().id());
        });
        n.put("input_time_zone", c.timeZone().getId());
        n.set("sla", SlaJson.toTree(c.sla()));
        c.shadowSetting().ifPresent(p -> n.put("shadow", p.toString()));
        // absent without a matrix, so such configurations keep their fingerprint
        if (!c.priorityMatrix().isNone()) {
            ObjectNode m = n.putObject("priority_matrix");
            c.priorityMatrix().impact().forEach(m.putArray("impact")::add);
            c.priorityMatrix().urgency().forEach(m.putArray("urgency")::add);
            com.fasterxml.jackson.databind.node.ArrayNode grid = m.putArray("priority");
            c.priorityMatrix().priority().forEach(row -> {
                com.fasterxml.jackson.databind.node.ArrayNode r = grid.addArray();
                row.forEach(p -> r.add(p.id()));
            });
        }
        assignment(n, c.assignment());
        return n;
    }

    // how tickets are given out decides who takes them; the roster is who is there today, so
    // only its file's path is shown when it has one, and the roster is not is part of the fingerprint (see OPERATIONAL)
    private static void assignment(ObjectNode n, org.helpdesktriage.core.assign.AssignmentSettings a) {
        if (!a.enabled()) {
            return;
        }
        if (a.agentsFile() != null) {
            n.put("agents_file", a.agentsFile().toString());
        } else {
            for (org.helpdesktriage.core.assign.Agent agent : a.agents()) {
                ObjectNode o = n.withArray("agents").addObject();
                o.put("id", agent.id());
                if (agent.name() != null) {
                    o.put("name", agent.name());
                }
                if (agent.email() != null) {
                    o.put("email", agent.email());
                }
                agent.teams().forEach(o.putArray("teams")::add);
                agent.skills().forEach(o.putArray("skills")::add);
                o.put("capacity", agent.capacity());
                if (agent.calendar() != null) {
                    o.put("calendar", agent.calendar());
                }
                o.put("active", agent.active());
            }
        }
        ObjectNode section = n.putObject("assignment");
        ObjectNode teams = section.putObject("teams");
        new java.util.TreeMap<>(a.teamStrategies()).forEach((team, s) ->
                teams.putObject(team).put("strategy", s));
        section.put("default_strategy", a.defaultStrategy());
        a.loadStatuses().stream().sorted().forEach(st ->
                section.withArray("load_statuses").add(st.id()));
    }

    /** Returns {@link #toTree} with every limit, changed or not, for display. */
    static ObjectNode display(TriageConfig c) {
        ObjectNode n = toTree(c);
        InputLimits l = c.limits();
        n.put("max_record_length", l.maxRecordLength());
        n.put("max_field_length", l.maxFieldLength());
        n.put("max_key_length", l.maxKeyLength());
        n.put("max_nesting_depth", l.maxNestingDepth());
        n.put("max_keys", l.maxKeys());
        n.put("max_tags", l.maxTags());
        n.put("min_timestamp", l.minTimestamp().toString());
        n.put("max_timestamp", l.maxTimestamp().toString());
        return n;
    }

    // only limits that differ from the defaults are rendered, so a configuration that leaves
    // them alone keeps the fingerprint it had before limits were configurable
    private static void limits(ObjectNode n, InputLimits l) {
        InputLimits d = InputLimits.defaults();
        putIfChanged(n, "max_record_length", l.maxRecordLength(), d.maxRecordLength());
        putIfChanged(n, "max_field_length", l.maxFieldLength(), d.maxFieldLength());
        putIfChanged(n, "max_key_length", l.maxKeyLength(), d.maxKeyLength());
        putIfChanged(n, "max_nesting_depth", l.maxNestingDepth(), d.maxNestingDepth());
        putIfChanged(n, "max_keys", l.maxKeys(), d.maxKeys());
        putIfChanged(n, "max_tags", l.maxTags(), d.maxTags());
        if (!l.minTimestamp().equals(d.minTimestamp())) {
            n.put("min_timestamp", l.minTimestamp().toString());
        }
        if (!l.maxTimestamp().equals(d.maxTimestamp())) {
            n.put("max_timestamp", l.maxTimestamp().toString());
        }
    }

    private static void putIfChanged(ObjectNode n, String key, int value, int fallback) {
        if (value != fallback) {
            n.put(key, value);
        }
    }
}
