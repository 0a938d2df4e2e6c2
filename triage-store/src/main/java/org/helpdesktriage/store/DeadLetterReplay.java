package org.helpdesktriage.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.helpdesktriage.core.StoringStep;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.TriageOutcome;
import org.helpdesktriage.core.ingest.InputFormat;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.ingest.RecordReader;
import org.helpdesktriage.core.ingest.RecordReaders;
import org.helpdesktriage.core.ingest.SourcePosition;
import org.helpdesktriage.store.internal.StoreJson;

/**
 * Triages a data directory's dead letters again, after a configuration or data fix: a letter
 * whose record now passes is stored (in the run's store, {@link RecordedRun#storing}) and
 * removed; one that fails again is kept with its new reason and one more attempt counted.
 *
 * <pre>{@code
 * try (RecordedRun run = RecordedRun.open(root, "dead-letters retry", wait, clock)) {
 *     TriageEngine engine = run.engine(config).build();
 *     DeadLetterReplay.Summary summary = DeadLetterReplay.retry(run, engine, 0,
 *             retry -> log(retry.letter().id(), retry.triaged()));
 *     run.finish(summary.failed() == 0 ? 0 : 4, Map.of(), summary.counts());
 * }
 * }</pre>
 */
public final class DeadLetterReplay {

    private DeadLetterReplay() {
    }

    /**
     * One dead letter retried.
     *
     * @param letter the letter as it was before the retry
     * @param outcome what triaging its record gave this time
     */
    public record Retry(DeadLetter letter, TriageOutcome outcome) {

        /** Checks the arguments. */
        public Retry {
            Objects.requireNonNull(letter, "letter");
            Objects.requireNonNull(outcome, "outcome");
        }

        /** Returns whether the record was triaged this time (and left the dead letters). */
        public boolean triaged() {
            return outcome instanceof TriageOutcome.Triaged;
        }
    }

    /**
     * The counts of a retry: every letter retried was either triaged or failed again.
     *
     * @param retried letters retried
     * @param triaged letters whose record was triaged and which were removed
     */
    public record Summary(long retried, long triaged) {

        /** Checks the counts. */
        public Summary {
            if (triaged < 0 || triaged > retried) {
                throw new IllegalArgumentException("triaged " + triaged + " of " + retried);
            }
        }

        /** Returns how many letters failed again and were kept. */
        public long failed() {
            return retried - triaged;
        }

        /** Returns the counts as a run record keeps them: retried, triaged, failed. */
        public Map<String, Long> counts() {
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("retried", retried);
            counts.put("triaged", triaged);
            counts.put("failed", failed());
            return counts;
        }
    }

    /**
     * Retries the oldest {@code limit} dead letters (all of them when {@code limit} is 0).
     *
     * @param run the run, holding the data directory's lock
     * @param engine the engine that triages the records ({@link RecordedRun#engine}); what it
     *     triages is stored in the run's store ({@link RecordedRun#storing})
     * @param limit how many of the oldest letters to retry; 0 retries every one
     * @param each told of every letter retried, in order, after its store was updated
     * @return the counts
     */
    public static Summary retry(RecordedRun run, TriageEngine engine, int limit,
            Consumer<Retry> each) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(each, "each");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 (all) or more, got " + limit);
        }
        DeadLetterLog letters = run.data().deadLetters();
        List<DeadLetter> due = limit == 0 ? letters.list() : letters.oldest(limit);
        StoringStep storing = run.storing(engine);
        long triaged = 0;
        for (DeadLetter letter : due) {
            TriageOutcome outcome = storing.save(engine.triage(record(letter)));
            if (outcome instanceof TriageOutcome.Triaged) {
                letters.remove(letter.id());
                triaged++;
            } else {
                String reason = ((TriageOutcome.Rejected) outcome).rejection().message();
                letters.save(letter.failedAgain(run.clock().instant(), reason, run.runId()));
            }
            each.accept(new Retry(letter, outcome));
        }
        return new Summary(due.size(), triaged);
    }

    // a record that never parsed is kept as its raw text: read it again as one JSON line
    static RawRecord record(DeadLetter letter) {
        SourcePosition position = new SourcePosition("dead letter " + letter.id() + " ("
                + letter.source() + ")", 1, 1);
        Map<String, Object> fields = letter.record();
        if (fields.size() == 1 && fields.get("raw") instanceof String raw) {
            try (RecordReader reader = RecordReaders.open(new ByteArrayInputStream(
                    raw.getBytes(StandardCharsets.UTF_8)), InputFormat.JSONL, position.source())) {
                if (reader.hasNext()) {
                    return reader.next();
                }
            }
            return RawRecord.unparseable(position, raw, "the record is empty");
        }
        try {
            return RawRecord.of(position, fields, StoreJson.MAPPER.writeValueAsString(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dead letter " + letter.id()
                    + " holds fields that cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
