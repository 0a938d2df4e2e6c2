package org.helpdesktriage.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.store.internal.StoreJson;

/** Converts audit entries to and from one line of JSON. */
public final class AuditJson {

    private AuditJson() {
    }

    /** Returns an audit entry as one line of the audit log, without the line break. */
    public static String toLine(AuditLog.Entry e) {
        return toTree(e).toString();
    }

    /** Returns an audit entry as the JSON object the audit log stores. */
    public static ObjectNode toTree(AuditLog.Entry e) {
        ObjectNode n = StoreJson.MAPPER.createObjectNode();
        n.put("time", e.time().toString());
        n.put("actor", e.actor());
        n.put("action", e.action());
        n.put("ticket_id", e.ticketId());
        ObjectNode changes = n.putObject("changes");
        e.changes().forEach((field, c) -> {
            ObjectNode ch = changes.putObject(field);
            ch.put("from", c.from());
            ch.put("to", c.to());
        });
        n.put("run_id", e.runId());
        return n;
    }

    /** Parses a line; throws IllegalArgumentException saying what is wrong. */
    public static AuditLog.Entry fromLine(String line) {
        JsonNode n;
        try {
            n = StoreJson.MAPPER.readTree(line);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("is not valid JSON");
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("is not a JSON object");
        }
        Map<String, AuditLog.Entry.Change> changes = new LinkedHashMap<>();
        JsonNode cs = n.path("changes");
        if (!cs.isObject()) {
            throw new IllegalArgumentException("has no 'changes' object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = cs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            changes.put(f.getKey(), new AuditLog.Entry.Change(text(f.getValue(), "from", true),
                    text(f.getValue(), "to", true)));
        }
        try {
            return new AuditLog.Entry(Instant.parse(text(n, "time", false)),
                    text(n, "actor", false),
                    text(n, "action", false), text(n, "ticket_id", false), changes,
                    text(n, "run_id", true));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("has a 'time' that is not an ISO-8601 instant");
        }
    }

    private static String text(JsonNode n, String field, boolean nullable) {
        JsonNode v = n.get(field);
        if ((v == null || v.isNull()) && nullable) {
            return null;
        }
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string");
        }
        return v.textValue();
    }
}
