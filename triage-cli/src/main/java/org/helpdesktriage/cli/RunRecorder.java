package org.helpdesktriage.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.helpdesktriage.core.ingest.Rejection;
import org.helpdesktriage.store.Storage;
import org.helpdesktriage.store.DeadLetter;
import org.helpdesktriage.store.RunRecord;

/**
 * One writing run over the store (data directory or PostgreSQL): holds its lock, gives the run its id, keeps its
 * rejected records as dead letters and, at the end, its run record.
 */
final class RunRecorder implements AutoCloseable {

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Storage data;
    private final Clock clock;
    private final String command;
    private final String runId;
    private final Instant startedAt;

    RunRecorder(Storage data, Clock clock, String command) {
        this.data = data;
        this.clock = clock;
        this.command = command;
        this.startedAt = clock.instant();
        this.runId = ID_TIME.format(startedAt) + "-"
                + HexFormat.of().withUpperCase().toHexDigits(RANDOM.nextInt() & 0xffffff, 6);
    }

    Storage data() {
        return data;
    }

    String runId() {
        return runId;
    }

    Instant startedAt() {
        return startedAt;
    }

    /**
     * Keeps a rejected record as a dead letter. Its id derives from its source and text, so the
     * same bad record seen again counts another attempt instead of a second letter.
     */
    void deadLetter(Rejection rejection) {
        String id = "DL-" + digest(rejection.position().source() + "\n" + rejection.raw());
        Map<String, Object> record = rejection.fields().isEmpty()
                ? Map.of("raw", rejection.raw()) : rejection.fields();
        String reason = rejection.message();
        DeadLetter letter = data.deadLetters().get(id)
                .map(old -> old.failedAgain(clock.instant(), reason, runId))
                .orElseGet(() -> new DeadLetter(id, clock.instant(), runId,
                        rejection.position().toString(), reason, record, 1));
        data.deadLetters().save(letter);
    }

    /** Saves the run record. */
    void finish(int exitCode, Map<String, String> details, Map<String, Long> counts) {
        Map<String, String> all = new LinkedHashMap<>(details);
        data.runs().save(new RunRecord(runId, command, startedAt, clock.instant(), exitCode, all,
                counts));
    }

    @Override
    public void close() {
        data.close();
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(
                    s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
