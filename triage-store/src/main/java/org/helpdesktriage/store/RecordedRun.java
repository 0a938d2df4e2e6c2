package org.helpdesktriage.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.helpdesktriage.core.StoringStep;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.TriageResult;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.ingest.Rejection;
import org.helpdesktriage.core.internal.io.AtomicOutput;
import org.helpdesktriage.core.job.TriageJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writing run over a data directory, as a batch job makes it: it holds the directory's lock
 * for the whole run, gives the run its id, keeps every rejected record as a dead letter and, at
 * the end, saves the run record.
 *
 * <pre>{@code
 * try (RecordedRun run = RecordedRun.open(root, "import", Duration.ofSeconds(30), clock)) {
 *     TriageEngine engine = run.engine(config).build();
 *     TriageOutcome outcome = run.storing(engine).save(engine.triageJson(json));
 *     if (outcome instanceof TriageOutcome.Rejected r) {
 *         run.deadLetter(r.rejection());
 *     }
 *     run.finish(0, Map.of("input", "queue"), Map.of("read", 1L));
 * }
 * }</pre>
 *
 * <p>Run ids read {@code yyyyMMddTHHmmssZ-XXXXXX}: the start time in UTC and six random
 * hexadecimal digits, so they sort by start and two runs in one second still differ. A run
 * started with {@link #startReproducible} (a run at a fixed time, {@code --now}) derives the six
 * digits from its command and start instead, taking the next derivation while the id is
 * already in the run log, so the same run on the same data writes the same bytes.
 */
public final class RecordedRun implements AutoCloseable {

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = LoggerFactory.getLogger(RecordedRun.class);

    private final Storage data;
    private final Clock clock;
    private final String command;
    private final String runId;
    private final Instant startedAt;
    private long resolved;
    // ticket id -> the ids of its dead letters, read at the first resolveDeadLetters
    private Map<String, List<String>> lettersByTicket;

    private final Path reserve;

    // room for a run record with its temporary copy, on any file system's block size
    private static final int RESERVE_BYTES = 64 * 1024;

    private RecordedRun(Storage data, Clock clock, String command, boolean reproducible) {
        this.data = data;
        this.clock = clock;
        this.command = command;
        this.startedAt = clock.instant();
        this.runId = reproducible ? derivedId(data.runs(), command, startedAt)
                : ID_TIME.format(startedAt) + "-"
                        + HexFormat.of().withUpperCase().toHexDigits(RANDOM.nextInt() & 0xffffff, 6);
        this.reserve = data.runRecordDirectory().map(RecordedRun::reserve).orElse(null);
    }

    /**
     * Sets aside room for the run record, so that a run that fills the disk can still record
     * what it did: a temporary file (removed like any other if the run dies) deleted just
     * before the record is written. Returns null where there is no room even for that.
     */
    private static Path reserve(Path runs) {
        Path file = AtomicOutput.temporaryIn(runs);
        try {
            Files.createDirectories(runs);
            Files.write(file, new byte[RESERVE_BYTES], StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            return file;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // nothing was reserved; the record is written if there is room
            }
            return null;
        }
    }

    private void release() {
        if (reserve != null) {
            try {
                Files.deleteIfExists(reserve);
            } catch (IOException e) {
                // the next writer removes it as a leftover temporary file
            }
        }
    }

    private static String derivedId(RunLog runs, String command, Instant start) {
        for (int n = 0; ; n++) {
            String id = ID_TIME.format(start) + "-"
                    + digest(command + "\n" + start + "\n" + n).substring(0, 6);
            if (runs.get(id).isEmpty()) {
                return id;
            }
        }
    }

    /**
     * Starts a run on a store already open for writing (a data directory, or the PostgreSQL
     * store under its lock); closing the run closes it.
     *
     * @param data the store, open for writing
     * @param command what runs ("triage")
     * @param clock the clock of the run's times
     */
    public static RecordedRun start(Storage data, String command, Clock clock) {
        return start(data, command, clock, false);
    }

    /**
     * Starts a run as {@link #start} does, with an id derived from the command and the start
     * time instead of chance: for a run at a fixed clock whose files must be the same bytes
     * each time it is repeated on the same data.
     */
    public static RecordedRun startReproducible(Storage data, String command, Clock clock) {
        return start(data, command, clock, true);
    }

    private static RecordedRun start(Storage data, String command, Clock clock,
            boolean reproducible) {
        Objects.requireNonNull(data, "data");
        if (data.readOnly()) {
            throw new IllegalArgumentException("data directory " + data.describe()
                    + " is open for reading only; a run writes and needs it open for writing");
        }
        return new RecordedRun(data, Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(command, "command"), reproducible);
    }

    /** Returns the store the run writes: a data directory, or the PostgreSQL store. */
    public Storage data() {
        return data;
    }

    /** Returns the run's id. */
    public String runId() {
        return runId;
    }

    /** Returns the clock the run reads its times from. */
    public Clock clock() {
        return clock;
    }

    /** Returns when the run started. */
    public Instant startedAt() {
        return startedAt;
    }

    /**
     * Returns an engine builder with the configuration at this run's clock; the caller may add
     * to it. The engine decides only: {@link #storing} stores what it decides.
     */
    public TriageEngine.Builder engine(TriageConfig config) {
        return TriageEngine.builder().config(Objects.requireNonNull(config, "config"))
                .clock(clock);
    }

    /**
     * Returns the step that stores what {@code engine} decides in this run's store, auditing
     * each ticket under this run's id.
     */
    public StoringStep storing(TriageEngine engine) {
        return StoringStep.builder(Objects.requireNonNull(engine, "engine"))
                .store(data.tickets()).auditLog(data.audit()).runId(runId)
                .agentLedger(data.agentLedger()).build();
    }

    /**
     * Keeps a rejected record as a dead letter. Its id derives from its source and text, so the
     * same bad record seen again counts another attempt instead of a second letter.
     *
     * @return the dead letter as saved
     */
    public DeadLetter deadLetter(Rejection rejection) {
        Objects.requireNonNull(rejection, "rejection");
        String id = "DL-" + digest(rejection.position().source() + "\n" + rejection.raw());
        Map<String, Object> record = rejection.fields().isEmpty()
                ? Map.of("raw", rejection.raw()) : rejection.fields();
        String reason = rejection.message();
        DeadLetter letter = data.deadLetters().get(id)
                .map(old -> old.failedAgain(clock.instant(), reason, runId))
                .orElseGet(() -> new DeadLetter(id, clock.instant(), runId,
                        rejection.position().toString(), reason, record, 1));
        data.deadLetters().save(letter);
        return letter;
    }

    /**
     * Resolves the dead letters of a ticket this run stored: a letter whose record names the
     * same ticket id ({@link DeadLetter#ticketId()}) is removed, since the ticket now arrived
     * whole. Only letters kept before the run are considered, so a record rejected and then
     * stored in the same run keeps its letter. When the letters cannot be read, none is
     * resolved ({@code health} names the unreadable ones).
     *
     * @return the ids of the letters removed, in age order
     */
    public List<String> resolveDeadLetters(String ticketId) {
        Objects.requireNonNull(ticketId, "ticketId");
        if (lettersByTicket == null) {
            lettersByTicket = new HashMap<>();
            try {
                for (DeadLetter d : data.deadLetters().list()) {
                    d.ticketId().ifPresent(id -> lettersByTicket
                            .computeIfAbsent(id, k -> new ArrayList<>()).add(d.id()));
                }
            } catch (TriageException unreadable) {
                LOG.warn("dead letters not resolved: {}", unreadable.getMessage());
            }
        }
        List<String> ids = lettersByTicket.remove(ticketId);
        if (ids == null) {
            return List.of();
        }
        ids.forEach(data.deadLetters()::remove);
        return ids;
    }

    /**
     * Saves the run record: its id, command, start, now as its end, and what it did.
     *
     * @param exitCode the run's outcome as an exit code (0 success)
     * @param details named facts, in order (input, output, configuration fingerprint)
     * @param counts named counts, in order (read, triaged, rejected)
     * @return the record saved
     */
    public RunRecord finish(int exitCode, Map<String, String> details, Map<String, Long> counts) {
        RunRecord record = new RunRecord(runId, command, startedAt, clock.instant(), exitCode,
                details, counts);
        release();
        data.runs().save(record);
        return record;
    }

    /** Closes the data directory and releases its lock. */
    @Override
    public void close() {
        release();
        data.close();
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(
                    s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Records {@code used} as the configuration of this run's store, unless the same one is
     * recorded already: the commands run on the store later read it.
     */
    public void recordConfiguration(RecordedConfig used) {
        Objects.requireNonNull(used, "used");
        if (data.recordedConfig().filter(used::sameAs).isEmpty()) {
            data.recordConfig(used);
        }
    }

    /**
     * Returns a listener for a {@link TriageJob} of this run: each rejected record becomes a
     * dead letter ({@link #deadLetter}), each triaged ticket resolves its dead letters
     * ({@link #resolveDeadLetters}), counted by {@link #deadLettersResolved()}.
     */
    public TriageJob.Listener deadLetters() {
        return new TriageJob.Listener() {
            @Override
            public void triaged(TriageResult result) {
                resolved += resolveDeadLetters(result.ticket().ticketId()).size();
            }

            @Override
            public void rejected(Rejection rejection) {
                deadLetter(rejection);
            }
        };
    }

    /** Returns how many dead letters the tickets of this run resolved. */
    public long deadLettersResolved() {
        return resolved;
    }
}
