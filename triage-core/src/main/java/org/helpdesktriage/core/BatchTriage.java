package org.helpdesktriage.core;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.ingest.RecordReader;

/**
 * Triages a stream of input records on several threads and hands the outcomes to a sink in
 * input order.
 *
 * <pre>{@code
 * try (RecordReader reader = RecordReaders.open(path)) {
 *     Summary summary = BatchTriage.run(engine, reader, writer::write, 4);
 * }
 * }</pre>
 *
 * <p>Records are read in chunks on the calling thread, parsed and triaged on a fixed pool (a
 * {@link RecordReader} that can split reading from parsing, such as JSON Lines, hands out
 * unparsed records through {@link RecordReader#nextDeferred()}), and delivered
 * to the sink on the calling thread in the order they were read, so the output is the same
 * whatever the parallelism. At most {@code 2 x parallelism} chunks are in flight, each of at
 * most 512 records and about a million characters of input, so memory stays bounded however
 * large the input and its records.
 *
 * <p>Given a {@link StoringStep}, a batch drives the engine, then the step, for each chunk: with
 * a step that {@linkplain StoringStep#savesInChunks saves in chunks} (a database), each chunk's
 * tickets and audit entries are saved in one call ({@link StoringStep#saveAll}) before its
 * outcomes reach the sink; any other step saves each ticket as it is triaged.
 *
 * <pre>{@code
 * StoringStep storing = StoringStep.builder(engine).store(store).auditLog(audit).build();
 * BatchTriage.run(engine, storing, reader, writer::write, 4);
 * }</pre>
 */
public final class BatchTriage {

    static final int CHUNK_SIZE = 512;
    /**
     * The most input characters a chunk holds (plus one record), so that records near
     * {@code max_record_length} cannot fill the heap: chunks in flight hold at most
     * {@code 2 x parallelism x (CHUNK_CHARS + max_record_length)} characters of input.
     */
    static final long CHUNK_CHARS = 1L << 20;

    private BatchTriage() {
    }

    /**
     * Triages every record and returns the counts; nothing is stored (see
     * {@link #run(TriageEngine, StoringStep, Iterator, Consumer, int)}).
     *
     * @param engine the engine
     * @param records the input records; read on the calling thread
     * @param sink receives each outcome in input order, on the calling thread
     * @param parallelism worker threads; 1 triages on the calling thread
     * @return the counts: read = triaged + rejected
     */
    public static Summary run(TriageEngine engine, Iterator<RawRecord> records,
            Consumer<TriageOutcome> sink, int parallelism) {
        return run(engine, StoringStep.none(), records, sink, parallelism);
    }

    /**
     * Triages every record, stores each triaged ticket through {@code storing}, and returns the
     * counts.
     *
     * @param engine the engine
     * @param storing the step that stores what the engine decides, or {@link StoringStep#none()}
     * @param records the input records; read on the calling thread
     * @param sink receives each outcome in input order, its ticket as stored, on the calling
     *     thread
     * @param parallelism worker threads; 1 triages on the calling thread
     * @return the counts: read = triaged + rejected
     */
    public static Summary run(TriageEngine engine, StoringStep storing,
            Iterator<RawRecord> records, Consumer<TriageOutcome> sink, int parallelism) {
        Objects.requireNonNull(sink, "sink");
        return run(engine, storing, records, outcome -> null,
                (outcome, none) -> sink.accept(outcome), parallelism, () -> false);
    }

    /**
     * Triages every record, lets {@code prepare} work on each outcome on the thread that triaged
     * it (to encode results in parallel, say), and returns the counts.
     *
     * <pre>{@code
     * BatchTriage.run(engine, reader,
     *         o -> o instanceof TriageOutcome.Triaged t ? writer.render(t.result()) : null,
     *         (o, rendered) -> writer.write(rendered), 4);
     * }</pre>
     *
     * @param engine the engine
     * @param records the input records; read on the calling thread
     * @param prepare called once per outcome, on a worker thread, in no particular order
     * @param sink receives each outcome and what {@code prepare} made of it, in input order, on
     *     the calling thread
     * @param parallelism worker threads; 1 does everything on the calling thread
     * @param <T> what {@code prepare} makes
     * @return the counts: read = triaged + rejected
     */
    public static <T> Summary run(TriageEngine engine, Iterator<RawRecord> records,
            Function<? super TriageOutcome, ? extends T> prepare,
            BiConsumer<? super TriageOutcome, ? super T> sink, int parallelism) {
        return run(engine, StoringStep.none(), records, prepare, sink, parallelism, () -> false);
    }

    /**
     * Triages records as {@link #run(TriageEngine, Iterator, Function, BiConsumer, int)} does
     * until {@code stop} says so: then it reads no further record, finishes the chunks already
     * read (their store writes included) and hands their outcomes to the sink, so every record
     * read is triaged or rejected and the rest of the input is not read at all. A shutdown
     * hook on SIGTERM is the usual {@code stop}.
     *
     * @param stop asked before each record is read; once true, reading stops
     * @return the counts of the records read
     */
    public static <T> Summary run(TriageEngine engine, Iterator<RawRecord> records,
            Function<? super TriageOutcome, ? extends T> prepare,
            BiConsumer<? super TriageOutcome, ? super T> sink, int parallelism,
            BooleanSupplier stop) {
        return run(engine, StoringStep.none(), records, prepare, sink, parallelism, stop);
    }

    /**
     * Triages records as {@link #run(TriageEngine, Iterator, Function, BiConsumer, int,
     * BooleanSupplier)} does, and stores each triaged ticket through {@code storing} before its
     * outcome is prepared and reaches the sink: a stop finishes the chunks already read, their
     * store writes included.
     *
     * @param storing the step that stores what the engine decides, or {@link StoringStep#none()}
     * @return the counts of the records read
     * @throws IllegalArgumentException when {@code storing} was built for an engine of another
     *     configuration
     */
    public static <T> Summary run(TriageEngine engine, StoringStep storing,
            Iterator<RawRecord> records, Function<? super TriageOutcome, ? extends T> prepare,
            BiConsumer<? super TriageOutcome, ? super T> sink, int parallelism,
            BooleanSupplier stop) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(storing, "storing");
        if (!storing.accepts(engine)) {
            throw new IllegalArgumentException("the storing step was built for an engine of "
                    + "another configuration than " + engine.fingerprint());
        }
        Objects.requireNonNull(stop, "stop");
        Iterator<RawRecord> all = records;
        records = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !stop.getAsBoolean() && all.hasNext();
            }

            @Override
            public RawRecord next() {
                return all.next();
            }
        };
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(prepare, "prepare");
        Objects.requireNonNull(sink, "sink");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
        long start = System.nanoTime();
        Counter<T> counter = new Counter<>(sink);
        if (parallelism == 1 && !storing.savesInChunks()) {
            while (records.hasNext()) {
                TriageOutcome outcome = storing.save(engine.triage(records.next()));
                counter.accept(outcome, prepare.apply(outcome));
            }
        } else if (parallelism == 1) {
            // a chunk's store writes go in one call, before its outcomes reach the sink
            List<TriageOutcome> outcomes = new ArrayList<>(CHUNK_SIZE);
            while (records.hasNext()) {
                outcomes.add(engine.triage(records.next()));
                if (outcomes.size() == CHUNK_SIZE || !records.hasNext()) {
                    for (TriageOutcome outcome : storing.saveAll(outcomes)) {
                        counter.accept(outcome, prepare.apply(outcome));
                    }
                    outcomes.clear();
                }
            }
            // a stop that came between the two checks above leaves a part chunk
            if (!outcomes.isEmpty()) {
                for (TriageOutcome outcome : storing.saveAll(outcomes)) {
                    counter.accept(outcome, prepare.apply(outcome));
                }
            }
        } else {
            runParallel(engine, storing, all, records, prepare, counter, parallelism);
        }
        return new Summary(counter.triaged + counter.rejected, counter.triaged,
                counter.rejected, Duration.ofNanos(System.nanoTime() - start));
    }

    private static <T> void runParallel(TriageEngine engine, StoringStep storing,
            Iterator<RawRecord> source,
            Iterator<RawRecord> records, Function<? super TriageOutcome, ? extends T> prepare,
            Counter<T> counter, int parallelism) {
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "triage-worker-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Deque<Future<Done>> inFlight = new ArrayDeque<>();
        int maxInFlight = 2 * parallelism;
        // assignment sees the tickets in input order (ticket 2 sees ticket 1's agent): a
        // chunk's store step waits for the previous chunk's, while deciding and encoding stay
        // parallel; this thread only reads and hands the results out in order
        CompletableFuture<?> stored = CompletableFuture.completedFuture(null);
        try {
            while (records.hasNext()) {
                List<Supplier<RawRecord>> chunk = new ArrayList<>(CHUNK_SIZE);
                long chars = 0;
                while (chunk.size() < CHUNK_SIZE && chars < CHUNK_CHARS && records.hasNext()) {
                    chunk.add(next(source));
                    chars += source instanceof RecordReader r ? r.lastRecordLength() : 0;
                }
                if (storing.assigns()) {
                    CompletableFuture<List<TriageOutcome>> saved = CompletableFuture
                            .supplyAsync(() -> decide(engine, chunk), pool)
                            .thenCombineAsync(stored, (decided, before) ->
                                    storing.saveAll(decided), pool);
                    stored = saved;
                    inFlight.add(saved.thenApplyAsync(outcomes -> prepared(
                            outcomes.toArray(TriageOutcome[]::new), prepare), pool));
                } else {
                    inFlight.add(pool.submit(() -> {
                        TriageOutcome[] out = new TriageOutcome[chunk.size()];
                        boolean inChunks = storing.savesInChunks();
                        for (int i = 0; i < out.length; i++) {
                            TriageOutcome decided = engine.triage(chunk.get(i).get());
                            out[i] = inChunks ? decided : storing.save(decided);
                        }
                        // the store's merge decides what the outcomes report: prepare after
                        return prepared(inChunks ? storing.saveAll(Arrays.asList(out))
                                .toArray(TriageOutcome[]::new) : out, prepare);
                    }));
                }
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

    private static List<TriageOutcome> decide(TriageEngine engine,
            List<Supplier<RawRecord>> chunk) {
        List<TriageOutcome> out = new ArrayList<>(chunk.size());
        for (Supplier<RawRecord> record : chunk) {
            out.add(engine.triage(record.get()));
        }
        return out;
    }

    private static Done prepared(TriageOutcome[] out,
            Function<? super TriageOutcome, ?> prepare) {
        Object[] prepared = new Object[out.length];
        for (int i = 0; i < out.length; i++) {
            prepared[i] = prepare.apply(out[i]);
        }
        return new Done(out, prepared);
    }

    private static Supplier<RawRecord> next(Iterator<RawRecord> records) {
        if (records instanceof RecordReader reader) {
            return reader.nextDeferred();
        }
        RawRecord record = records.next();
        return () -> record;
    }

    private static <T> void emit(Future<Done> future, Counter<T> counter) {
        Done done = done(future);
        for (int i = 0; i < done.outcomes.length; i++) {
            @SuppressWarnings("unchecked")
            T prepared = (T) done.prepared[i];
            counter.accept(done.outcomes[i], prepared);
        }
    }

    private static Done done(Future<Done> future) {
        Done done;
        try {
            done = future.get();
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
        return done;
    }

    private record Done(TriageOutcome[] outcomes, Object[] prepared) {
    }

    private static final class Counter<T> {
        private final BiConsumer<? super TriageOutcome, ? super T> sink;
        private long triaged;
        private long rejected;

        Counter(BiConsumer<? super TriageOutcome, ? super T> sink) {
            this.sink = sink;
        }

        void accept(TriageOutcome outcome, T prepared) {
            if (outcome instanceof TriageOutcome.Triaged) {
                triaged++;
            } else {
                rejected++;
            }
            sink.accept(outcome, prepared);
        }
    }

    /**
     * The counts of a batch run: every record read is either triaged or rejected.
     *
     * @param read records read
     * @param triaged records triaged
     * @param rejected records rejected
     * @param elapsed wall time of the run
     */
    public record Summary(long read, long triaged, long rejected, Duration elapsed) {

        /** Checks that nothing was lost. */
        public Summary {
            Objects.requireNonNull(elapsed, "elapsed");
            if (read != triaged + rejected) {
                throw new IllegalArgumentException("read " + read + " != triaged " + triaged
                        + " + rejected " + rejected);
            }
        }

        /** Returns "read 25, triaged 22, rejected 3, 0.41 s". */
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "read %d, triaged %d, rejected %d, %.2f s",
                    read, triaged, rejected, elapsed.toNanos() / 1e9);
        }
    }
}
