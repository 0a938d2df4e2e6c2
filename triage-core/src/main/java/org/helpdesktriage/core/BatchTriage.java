package org.helpdesktriage.core;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.ingest.RecordReader;

/**
 * Triages a stream of input records on several threads and hands the outcomes to a sink in
 * input order.
 *
 * <pre>{@code
 * try (RecordReader reader = RecordReaders.open(path)) {
 *     BatchSummary summary = BatchTriage.run(engine, reader, writer::write, 4);
 * }
 * }</pre>
 *
 * <p>Records are read in chunks on the calling thread, parsed and triaged on a fixed pool (a
 * {@link RecordReader} that can split reading from parsing, such as JSON Lines, hands out
 * unparsed records through {@link RecordReader#nextDeferred()}), and delivered
 * to the sink on the calling thread in the order they were read, so the output is the same
 * whatever the parallelism. At most {@code 2 x parallelism} chunks are in flight, so memory
 * stays bounded however large the input.
 */
public final class BatchTriage {

    static final int CHUNK_SIZE = 512;

    private BatchTriage() {
    }

    /**
     * Triages every record and returns the counts.
     *
     * @param engine the engine
     * @param records the input records; read on the calling thread
     * @param sink receives each outcome in input order, on the calling thread
     * @param parallelism worker threads; 1 triages on the calling thread
     * @return the counts: read = triaged + rejected
     */
    public static BatchSummary run(TriageEngine engine, Iterator<RawRecord> records,
            Consumer<TriageOutcome> sink, int parallelism) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(sink, "sink");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
        long start = System.nanoTime();
        Counter counter = new Counter(sink);
        if (parallelism == 1) {
            while (records.hasNext()) {
                counter.accept(engine.triage(records.next()));
            }
        } else {
            runParallel(engine, records, counter, parallelism);
        }
        return new BatchSummary(counter.triaged + counter.rejected, counter.triaged,
                counter.rejected, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void runParallel(TriageEngine engine, Iterator<RawRecord> records,
            Counter counter, int parallelism) {
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "triage-worker-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Deque<Future<TriageOutcome[]>> inFlight = new ArrayDeque<>();
        int maxInFlight = 2 * parallelism;
        try {
            while (records.hasNext()) {
                List<Supplier<RawRecord>> chunk = new ArrayList<>(CHUNK_SIZE);
                while (chunk.size() < CHUNK_SIZE && records.hasNext()) {
                    chunk.add(next(records));
                }
                inFlight.add(pool.submit(() -> {
                    TriageOutcome[] out = new TriageOutcome[chunk.size()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = engine.triage(chunk.get(i).get());
                    }
                    return out;
                }));
                while (inFlight.size() >= maxInFlight) {
                    emit(inFlight.poll(), counter);
                }
            }
            while (!inFlight.isEmpty()) {
                emit(inFlight.poll(), counter);
            }
        } finally {
            inFlight.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
    }

    private static Supplier<RawRecord> next(Iterator<RawRecord> records) {
        if (records instanceof RecordReader reader) {
            return reader.nextDeferred();
        }
        RawRecord record = records.next();
        return () -> record;
    }

    private static void emit(Future<TriageOutcome[]> future, Counter counter) {
        TriageOutcome[] outcomes;
        try {
            outcomes = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TriageException(ErrorCode.INTERNAL, "triage was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new TriageException(ErrorCode.INTERNAL, "triage failed: " + cause, cause);
        }
        for (TriageOutcome o : outcomes) {
            counter.accept(o);
        }
    }

    private static final class Counter implements Consumer<TriageOutcome> {
        private final Consumer<TriageOutcome> sink;
        private long triaged;
        private long rejected;

        Counter(Consumer<TriageOutcome> sink) {
            this.sink = sink;
        }

        @Override
        public void accept(TriageOutcome outcome) {
            if (outcome instanceof TriageOutcome.Triaged) {
                triaged++;
            } else {
                rejected++;
            }
            sink.accept(outcome);
        }
    }
}
