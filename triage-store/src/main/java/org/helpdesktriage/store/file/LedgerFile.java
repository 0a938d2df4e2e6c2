package org.helpdesktriage.store.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.helpdesktriage.core.internal.io.AtomicOutput;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.store.internal.StoreJson;

/**
 * The agent ledger's file, {@code assignment/agents.json}: the statuses that counted as load
 * when it was written, and per agent the time of their last assignment and the ids of the
 * tickets counting towards their load.
 *
 * <pre>
 * {"load_statuses": ["assigned", "new"],
 *  "agents": {"ana": {"last_assigned_at": "2026-12-01T09:00:00Z", "tickets": ["TKT-1"]}}}
 * </pre>
 *
 * @param loadStatuses the statuses that counted as load
 * @param held each agent's tickets in a load status, by agent id (sorted, mutable)
 * @param last each agent's last assignment, by agent id (mutable)
 */
record LedgerFile(Set<Status> loadStatuses, Map<String, Set<String>> held,
        Map<String, Instant> last) {

    /** The folder of the ledger, at the top of the data directory. */
    static final String DIRECTORY = "assignment";

    /** The ledger file's name inside {@link #DIRECTORY}. */
    static final String NAME = "agents.json";

    /** The ledger file's path relative to the data directory. */
    static final String RELATIVE = DIRECTORY + "/" + NAME;

    /** Returns an empty ledger for these load statuses. */
    static LedgerFile empty(Set<Status> loadStatuses) {
        return new LedgerFile(Set.copyOf(loadStatuses), new TreeMap<>(), new TreeMap<>());
    }

    /** Returns the ledger file of the data directory {@code root}. */
    static Path of(Path root) {
        return root.resolve(DIRECTORY).resolve(NAME);
    }

    /**
     * Parses the bytes of a ledger file.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static LedgerFile parse(byte[] bytes) {
        JsonNode n;
        try {
            n = StoreJson.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (n == null || !n.path("load_statuses").isArray() || !n.path("agents").isObject()) {
            throw new IllegalArgumentException("not an agent ledger (load_statuses, agents)");
        }
        Set<Status> statuses = new TreeSet<>();
        for (JsonNode s : n.get("load_statuses")) {
            statuses.add(Status.parse(s.asText()).orElseThrow(() -> new IllegalArgumentException(
                    "load status '" + s.asText() + "' is not a status")));
        }
        LedgerFile ledger = empty(statuses);
        for (Iterator<Map.Entry<String, JsonNode>> it = n.get("agents").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode at = e.getValue().path("last_assigned_at");
            if (at.isTextual()) {
                try {
                    ledger.last.put(e.getKey(), Instant.parse(at.asText()));
                } catch (DateTimeParseException bad) {
                    throw new IllegalArgumentException("agent '" + e.getKey()
                            + "': last_assigned_at '" + at.asText() + "' is not an instant");
                }
            }
            if (!e.getValue().path("tickets").isArray()) {
                throw new IllegalArgumentException("agent '" + e.getKey() + "' has no tickets");
            }
            Set<String> ids = new TreeSet<>();
            e.getValue().get("tickets").forEach(id -> ids.add(id.asText()));
            ledger.held.put(e.getKey(), ids);
        }
        return ledger;
    }

    /** Reads the ledger file of {@code root}; throws when it is missing or cannot be read. */
    static LedgerFile read(Path root) throws IOException {
        return parse(Files.readAllBytes(of(root)));
    }

    /** Writes the ledger into the data directory {@code root}, atomically; hold the lock. */
    void write(Path root) throws IOException {
        ObjectNode n = StoreJson.MAPPER.createObjectNode();
        new TreeSet<>(loadStatuses).forEach(s -> n.withArray("load_statuses").add(s.id()));
        ObjectNode agents = n.putObject("agents");
        Set<String> ids = new TreeSet<>(held.keySet());
        ids.addAll(last.keySet());
        for (String id : ids) {
            ObjectNode a = agents.putObject(id);
            Instant at = last.get(id);
            a.put("last_assigned_at", at == null ? null : at.toString());
            com.fasterxml.jackson.databind.node.ArrayNode tickets = a.putArray("tickets");
            held.getOrDefault(id, Set.of()).forEach(tickets::add);
        }
        Path file = of(root);
        Files.createDirectories(file.getParent());
        AtomicOutput.write(file, (n.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
