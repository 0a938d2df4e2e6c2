package org.helpdesktriage.core.internal.evaluate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.helpdesktriage.core.TriageOutcome.TriageDecision;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.ingest.HistoryLayout;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.ingest.RecordReader;

/**
 * Triages history under a baseline and a candidate configuration in one pass, each record
 * parsed once, and reports what the change would do: which decisions change (category, team,
 * priority, SLA policy), teams from and to, each rule's fire count under both, and with labels
 * the accuracy of both. Nothing is stored.
 *
 * <pre>{@code
 * Backtest backtest = Backtest.of(ConfigLoader.load(live), ConfigLoader.load(candidate), clock);
 * try (RecordReader history = RecordReaders.open(Path.of("last-month.jsonl"))) {
 *     BacktestReport report = backtest.run(history, null, change -> diff.write(change));
 * }
 * }</pre>
 */
public final class Backtest {

    // records triaged between two rounds of counting: enough to keep every thread busy
    private static final int CHUNK = 4096;

    private final TriageEngine baseline;
    private final TriageEngine candidate;

    private Backtest(TriageEngine baseline, TriageEngine candidate) {
        this.baseline = baseline;
        this.candidate = candidate;
    }

    /**
     * Returns a backtest of {@code candidate} against {@code baseline}, both reading the time
     * from {@code clock} (fix it to make two runs give the same report).
     */
    public static Backtest of(TriageConfig baseline, TriageConfig candidate, Clock clock) {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(clock, "clock");
        return new Backtest(TriageEngine.builder().config(baseline).clock(clock).build(),
                TriageEngine.builder().config(candidate).clock(clock).build());
    }

    /**
     * Triages every record of {@code history} under both configurations.
     *
     * @param history the records; read to the end, not closed
     * @param layout how a history file's label and text columns read, or {@code null} for
     *     tickets as {@code triage} reads them (no labels)
     * @param changes told of every record whose decision differs, in input order
     * @return the report
     */
    public BacktestReport run(RecordReader history, HistoryLayout layout,
            Consumer<BacktestChange> changes) {
        return run(history, layout, changes, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Triages every record of {@code history} under both configurations, on {@code threads}
     * threads; the report and the order of the changes do not depend on their number.
     *
     * @param history the records; read to the end, not closed
     * @param layout how a history file's label and text columns read, or {@code null} for
     *     tickets as {@code triage} reads them (no labels)
     * @param changes told of every record whose decision differs, in input order
     * @param threads how many threads triage at once, 1 or more
     * @return the report
     */
    public BacktestReport run(RecordReader history, HistoryLayout layout,
            Consumer<BacktestChange> changes, int threads) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(changes, "changes");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, got " + threads);
        }
        BacktestReport.Counter counter = new BacktestReport.Counter();
        ForkJoinPool pool = threads == 1 ? null : new ForkJoinPool(threads);
        try {
            List<RawRecord> records = new ArrayList<>(CHUNK);
            List<String> labels = new ArrayList<>(CHUNK);
            while (history.hasNext()) {
                RawRecord record = history.next();
                String label = null;
                if (layout != null) {
                    HistoryLayout.Shaped shaped = layout.shape(record, false);
                    record = shaped.record();
                    label = shaped.labelValue().map(LabelledInput::normalLabel).orElse(null);
                }
                records.add(record);
                labels.add(label);
                if (records.size() == CHUNK || !history.hasNext()) {
                    chunk(records, labels, pool, counter, changes);
                    records.clear();
                    labels.clear();
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
        return counter.report();
    }

    // both decisions of a chunk's records on the pool, then counted in input order
    private void chunk(List<RawRecord> records, List<String> labels, ForkJoinPool pool,
            BacktestReport.Counter counter, Consumer<BacktestChange> changes) {
        int n = records.size();
        TriageDecision[] before = new TriageDecision[n];
        TriageDecision[] after = new TriageDecision[n];
        IntConsumer decide = i -> {
            before[i] = TriageDecision.of(baseline.triage(records.get(i)));
            after[i] = TriageDecision.of(candidate.triage(records.get(i)));
        };
        if (pool == null) {
            IntStream.range(0, n).forEach(decide);
        } else {
            try {
                pool.submit(() -> IntStream.range(0, n).parallel().forEach(decide)).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the backtest was interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r
                        : new IllegalStateException(e.getCause());
            }
        }
        for (int i = 0; i < n; i++) {
            List<String> changed = before[i].differences(after[i]);
            counter.add(before[i], after[i], changed, labels.get(i));
            if (!changed.isEmpty()) {
                changes.accept(new BacktestChange(records.get(i).position(), before[i],
                        after[i], changed));
            }
        }
    }
}
