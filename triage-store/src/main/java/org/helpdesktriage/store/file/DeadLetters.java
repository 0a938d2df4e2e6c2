package org.helpdesktriage.store.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.io.AtomicOutput;
import org.helpdesktriage.core.internal.io.TicketJson;
import org.helpdesktriage.core.store.StoreScan.CorruptRecord;
import org.helpdesktriage.store.DeadLetter;
import org.helpdesktriage.store.DeadLetterLog;
import org.helpdesktriage.store.internal.StoreJson;

/**
 * The dead-letter store of a data directory: records that failed are never dropped but kept in
 * {@code <root>/dead-letters/}, one JSON file per record (named as ticket files are, by
 * {@link FileNames}), written atomically. Operators list them, fix the data or configuration,
 * and retry the oldest {@code n} with {@link #oldest(int)}; a record that succeeds is
 * {@link #remove removed}, one that fails again is saved with {@link DeadLetter#failedAgain}.
 * Writers must hold the data directory lock.
 */
public final class DeadLetters implements DeadLetterLog {

    /** The name of the dead-letter directory under the data directory. */
    public static final String DIRECTORY = "dead-letters";

    private final RecordFiles files;

    /** Creates the store over {@code <root>/dead-letters}. */
    public DeadLetters(Path root) {
        this.files = new RecordFiles(Objects.requireNonNull(root, "root").resolve(DIRECTORY),
                "dead letter");
    }

    /** Saves a dead letter, replacing one with the same id. */
    @Override
    public void save(DeadLetter letter) {
        Objects.requireNonNull(letter, "letter");
        files.write(letter.id(), toBytes(letter));
    }

    /** Returns the dead letter with this id, or empty. */
    @Override
    public Optional<DeadLetter> get(String id) {
        Path file = files.file(Objects.requireNonNull(id, "id"));
        try {
            return Optional.of(parse(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "dead letter " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Removes the dead letter with this id; returns whether there was one. */
    @Override
    public boolean remove(String id) {
        Path file = files.file(Objects.requireNonNull(id, "id"));
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "cannot delete dead letter " + file + ": " + e, e);
        }
    }

    /**
     * Returns every dead letter, oldest first (ties by id).
     *
     * @throws TriageException with {@code STORE_FAILED} naming every unreadable file
     */
    @Override
    public List<DeadLetter> list() {
        List<CorruptRecord> bad = new ArrayList<>();
        List<DeadLetter> out = files.readAll(DeadLetters::read, bad);
        if (!bad.isEmpty()) {
            throw new TriageException(ErrorCode.STORE_FAILED,
                    bad.size() + " dead letter file(s) cannot be read: " + bad);
        }
        out.sort(Comparator.comparing(DeadLetter::time).thenComparing(DeadLetter::id));
        return out;
    }

    /** Returns every dead-letter file that cannot be read, for health checks. */
    public List<CorruptRecord> problems() {
        return files.problems(DeadLetters::read);
    }

    private static DeadLetter read(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    /** Returns the {@code n} oldest dead letters, for a bulk retry. */
    @Override
    public List<DeadLetter> oldest(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("take " + n + ": must be at least 1");
        }
        List<DeadLetter> all = list();
        return all.subList(0, Math.min(n, all.size()));
    }

    /** Returns how many dead letters there are. */
    @Override
    public int count() {
        return list().size();
    }

    /** Returns a dead letter as the bytes of its file. */
    public static byte[] toBytes(DeadLetter letter) {
        ObjectNode n = StoreJson.MAPPER.createObjectNode();
        n.put("id", letter.id());
        n.put("time", letter.time().toString());
        n.put("run_id", letter.runId());
        n.put("source", letter.source());
        n.put("reason", letter.reason());
        n.set("record", StoreJson.VALUES.valueToTree(letter.record()));
        n.put("attempts", letter.attempts());
        return (n.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses a dead-letter file's bytes.
     *
     * @throws IOException when it is not JSON
     * @throws IllegalArgumentException saying which field is wrong
     */
    public static DeadLetter parse(byte[] bytes) throws IOException {
        JsonNode n = StoreJson.MAPPER.readTree(bytes);
        if (n == null || !n.isObject() || !n.path("record").isObject()) {
            throw new IllegalArgumentException("is not a dead letter object");
        }
        Map<String, Object> record = TicketJson.plainMap(n.get("record"));
        try {
            return new DeadLetter(need(n, "id"), Instant.parse(need(n, "time")),
                    n.path("run_id").isTextual() ? n.get("run_id").asText() : null,
                    need(n, "source"), need(n, "reason"), record, n.path("attempts").asInt(0));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("field 'time' is not an ISO-8601 instant");
        }
    }

    private static String need(JsonNode n, String field) {
        if (!n.path(field).isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string");
        }
        return n.get(field).asText();
    }
}
