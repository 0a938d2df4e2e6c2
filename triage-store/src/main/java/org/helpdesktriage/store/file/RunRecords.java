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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.io.AtomicOutput;
import org.helpdesktriage.core.store.StoreScan.CorruptRecord;
import org.helpdesktriage.store.RunLog;
import org.helpdesktriage.store.RunRecord;
import org.helpdesktriage.store.internal.StoreJson;

/**
 * The run records of a data directory: one JSON summary per batch run in
 * {@code <root>/runs/<file>.json} (named by {@link FileNames}), written atomically, listed newest
 * first and pruned by age. Writers must hold the data directory lock.
 */
public final class RunRecords implements RunLog {

    /** The name of the runs directory under the data directory. */
    public static final String DIRECTORY = "runs";

    private static final java.util.Set<String> FIXED_KEYS = java.util.Set.of("run_id", "command",
            "started_at", "finished_at", "duration_ms", "exit_code", "counts");

    private final RecordFiles files;

    /** Creates the records over {@code <root>/runs}. */
    public RunRecords(Path root) {
        this.files = new RecordFiles(Objects.requireNonNull(root, "root").resolve(DIRECTORY),
                "run record");
    }

    /** Saves a run's summary, replacing one with the same id. */
    @Override
    public void save(RunRecord run) {
        Objects.requireNonNull(run, "run");
        ObjectNode n = StoreJson.MAPPER.createObjectNode();
        n.put("run_id", run.runId());
        n.put("command", run.command());
        n.put("started_at", run.startedAt().toString());
        n.put("finished_at", run.finishedAt().toString());
        n.put("duration_ms", run.duration().toMillis());
        n.put("exit_code", run.exitCode());
        run.details().forEach(n::put);
        ObjectNode counts = n.putObject("counts");
        run.counts().forEach(counts::put);
        files.write(run.runId(), (n.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the record of a run, or empty. */
    @Override
    public Optional<RunRecord> get(String runId) {
        Path file = files.file(Objects.requireNonNull(runId, "runId"));
        try {
            return Optional.of(read(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "cannot read run record " + file + ": " + e, e);
        }
    }

    /**
     * Returns every run record, newest first.
     *
     * @throws TriageException with {@code STORE_FAILED} naming an unreadable record
     */
    @Override
    public List<RunRecord> list() {
        List<RunRecord> out = files.readAll(RunRecords::read, null);
        out.sort(Comparator.comparing(RunRecord::startedAt).reversed()
                .thenComparing(RunRecord::runId));
        return out;
    }

    /** Deletes the records of runs that started before {@code cutoff}; returns them. */
    @Override
    public List<RunRecord> pruneStartedBefore(Instant cutoff) {
        List<RunRecord> pruned = new ArrayList<>();
        for (RunRecord r : list()) {
            if (r.startedAt().isBefore(cutoff)) {
                try {
                    Files.deleteIfExists(files.file(r.runId()));
                } catch (IOException e) {
                    throw new TriageException(ErrorCode.STORE_FAILED,
                            "cannot delete the record of run " + r.runId() + ": " + e, e);
                }
                pruned.add(r);
            }
        }
        return pruned;
    }

    /** Returns how many run record files there are, readable or not, without reading them. */
    public int count() {
        return files.files().size();
    }

    /**
     * Returns every run record file that cannot be read as a run record, for health checks;
     * temporary files aside.
     */
    public List<CorruptRecord> problems() {
        return files.problems(RunRecords::read);
    }

    private static RunRecord read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /**
     * Parses a run record file's bytes; {@code location} names it in the error.
     *
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} saying what is wrong
     */
    static RunRecord parse(byte[] bytes, String location) {
        String file = location;
        try {
            JsonNode n = StoreJson.MAPPER.readTree(bytes);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("it is not a JSON object");
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            n.path("counts").fields().forEachRemaining(e -> counts.put(e.getKey(),
                    e.getValue().asLong()));
            Map<String, String> details = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> {
                if (!FIXED_KEYS.contains(e.getKey()) && e.getValue().isTextual()) {
                    details.put(e.getKey(), e.getValue().asText());
                }
            });
            return new RunRecord(n.path("run_id").asText(), n.path("command").asText(),
                    Instant.parse(n.path("started_at").asText()),
                    Instant.parse(n.path("finished_at").asText()), n.path("exit_code").asInt(),
                    details, counts);
        } catch (IOException | RuntimeException e) {
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "run record " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
