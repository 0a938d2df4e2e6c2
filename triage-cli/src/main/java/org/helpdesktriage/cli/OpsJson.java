package org.helpdesktriage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.store.DeadLetter;
import org.helpdesktriage.store.RunRecord;

/** The JSON forms of what the operator commands print, the same as the files they come from. */
final class OpsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OpsJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static <T> ArrayNode array(List<T> items, Function<T, JsonNode> toJson) {
        ArrayNode a = MAPPER.createArrayNode();
        items.forEach(i -> a.add(toJson.apply(i)));
        return a;
    }

    static String pretty(JsonNode n) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    // the same shape as the audit log's own lines
    static JsonNode audit(AuditLog.Entry e) {
        return org.helpdesktriage.store.AuditJson.toTree(e);
    }

    static JsonNode run(RunRecord r) {
        ObjectNode n = object();
        n.put("run_id", r.runId());
        n.put("command", r.command());
        n.put("started_at", r.startedAt().toString());
        n.put("finished_at", r.finishedAt().toString());
        n.put("duration_ms", r.duration().toMillis());
        n.put("exit_code", r.exitCode());
        r.details().forEach(n::put);
        ObjectNode counts = n.putObject("counts");
        r.counts().forEach(counts::put);
        return n;
    }

    static JsonNode deadLetter(DeadLetter d) {
        ObjectNode n = object();
        n.put("id", d.id());
        n.put("time", d.time().toString());
        n.put("run_id", d.runId());
        n.put("source", d.source());
        n.put("reason", d.reason());
        n.put("attempts", d.attempts());
        n.set("record", MAPPER.valueToTree(d.record()));
        return n;
    }
}
