package org.helpdesktriage.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.io.AtomicOutput;
import org.helpdesktriage.store.internal.StoreJson;

/**
 * The configuration that last triaged into a store: its file (absolute) and its fingerprint. A
 * data directory keeps it in {@value #FILE}, written atomically and carried by backups; the
 * PostgreSQL store in its {@code configuration} table. Commands that work on the store without
 * a configuration of their own load this one, and warn when they run with another fingerprint.
 *
 * @param path the configuration file, absolute, or {@code null} for the built-in defaults
 * @param fingerprint the configuration's fingerprint
 * @param recordedAt when it was recorded
 */
public record RecordedConfig(String path, String fingerprint, Instant recordedAt) {

    /** The file under the data directory. */
    public static final String FILE = "configuration.json";

    /** Checks the values. */
    public RecordedConfig {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** Returns the configuration file, or empty for the built-in defaults. */
    public Optional<Path> file() {
        return Optional.ofNullable(path).map(Path::of);
    }

    /** Returns whether this records the same configuration as {@code other}, whenever. */
    public boolean sameAs(RecordedConfig other) {
        return other != null && Objects.equals(path, other.path)
                && fingerprint.equals(other.fingerprint);
    }

    /** Names the configuration for messages: its file, or "the built-in defaults". */
    public String describe() {
        return path == null ? "the built-in defaults" : path;
    }

    /**
     * Returns the configuration recorded in the data directory {@code root}, or empty when none
     * is (or there is no such directory). Reading needs no lock: the file is replaced atomically.
     *
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} naming the file when it
     *     cannot be read
     */
    public static Optional<RecordedConfig> read(Path root) {
        Path file = Objects.requireNonNull(root, "root").resolve(FILE);
        try {
            return Optional.of(parse(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            throw new TriageException(ErrorCode.STORE_FAILED, file + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** Writes this record into the data directory {@code root}, atomically; hold the lock. */
    public void write(Path root) {
        Path file = root.resolve(FILE);
        ObjectNode n = StoreJson.MAPPER.createObjectNode();
        n.put("path", path);
        n.put("fingerprint", fingerprint);
        n.put("recorded_at", recordedAt.toString());
        try {
            AtomicOutput.write(file, (n.toPrettyString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED, "cannot write " + file + ": " + e,
                    e);
        }
    }

    /**
     * Parses the bytes of a recorded configuration's file.
     *
     * @throws IOException when they are not JSON
     */
    public static RecordedConfig parse(byte[] bytes) throws IOException {
        JsonNode n = StoreJson.MAPPER.readTree(bytes);
        if (n == null || !n.isObject() || !n.path("fingerprint").isTextual()
                || !n.path("recorded_at").isTextual()) {
            throw new IllegalArgumentException("it is not an object with 'fingerprint' and "
                    + "'recorded_at'");
        }
        return new RecordedConfig(n.path("path").isTextual() ? n.get("path").asText() : null,
                n.get("fingerprint").asText(), Instant.parse(n.get("recorded_at").asText()));
    }
}
