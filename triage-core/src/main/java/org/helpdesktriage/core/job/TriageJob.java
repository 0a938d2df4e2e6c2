package org.helpdesktriage.core.job;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.helpdesktriage.core.BatchTriage;
import org.helpdesktriage.core.StoringStep;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.TriageOutcome;
import org.helpdesktriage.core.TriageResult;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.ingest.RecordReader;
import org.helpdesktriage.core.ingest.RecordReaders;
import org.helpdesktriage.core.ingest.Rejection;
import org.helpdesktriage.core.internal.io.AtomicOutput;
import org.helpdesktriage.core.internal.io.NoSpace;
import org.helpdesktriage.core.internal.output.OutputFormat;
import org.helpdesktriage.core.internal.output.RejectWriter;
import org.helpdesktriage.core.internal.output.ResultWriter;

/**
 * Triages an input into an output and a rejects file, in one call: what the command line's
 * {@code triage} does, for an application that embeds the library (as PMD's
 * {@code PmdAnalysis} is to PMD's command line).
 *
 * <pre>{@code
 * TriageEngine engine = TriageEngine.builder().config(config).build();
 * BatchTriage.Summary summary = TriageJob.builder(engine)
 *         .input(Path.of("tickets.jsonl"))
 *         .output(Path.of("triaged.json"))
 *         .rejects(Path.of("triaged.json.rejects.jsonl"))
 *         .build()
 *         .run();
 * }</pre>
 *
 * <p>The output and rejects files are written atomically: each appears whole, rejects first,
 * when the run completes, and not at all when it fails; temporary files a killed run left
 * beside them are removed first ({@link Listener#leftoverRemoved}). Records that fail to parse
 * or validate go to the rejects with every field error, and the run goes on. Given a
 * {@link StoringStep}, each triaged ticket is stored before its result is written, so a
 * result in the output is a ticket stored.
 *
 * <p>Every record read is accounted for: triaged, rejected or, when the run stops on a full
 * disk or a store that went away, not processed ({@link Incomplete}). A {@link
 * Builder#stopWhen stop} (SIGTERM, say) reads no further record and completes the run with
 * what was read.
 */
public final class TriageJob {

    private final TriageEngine engine;
    private final StoringStep storing;
    private final RecordReader input;
    private final Path outputFile;
    private final OutputStream outputStream;
    private final OutputFormat outputFormat;
    private final Path rejectsFile;
    private final OutputStream rejectsStream;
    private final boolean explain;
    private final int parallelism;
    private final BooleanSupplier stop;
    private final Listener listener;

    private TriageJob(Builder b) {
        this.engine = b.engine;
        // without a store, a configuration with agents still assigns, counting within the run
        this.storing = b.storing != null ? b.storing
                : engine.config().assignment().enabled() ? StoringStep.builder(engine).build()
                : StoringStep.none();
        this.input = Objects.requireNonNull(b.input, "input");
        if (b.outputFile == null && b.outputStream == null) {
            throw new IllegalStateException("the job has no output: give output(Path) or "
                    + "output(OutputStream)");
        }
        if (b.rejectsFile == null && b.rejectsStream == null) {
            throw new IllegalStateException("the job has no rejects: give rejects(Path) or "
                    + "rejects(OutputStream)");
        }
        this.outputFile = b.outputFile;
        this.outputStream = b.outputStream;
        this.outputFormat = b.outputFormat != null ? b.outputFormat
                : Optional.ofNullable(b.outputFile).flatMap(f -> OutputFormat.fromFileName(
                        f.toString())).orElse(OutputFormat.JSON);
        this.rejectsFile = b.rejectsFile;
        this.rejectsStream = b.rejectsStream;
        this.explain = b.explain;
        this.parallelism = b.parallelism;
        this.stop = b.stop;
        this.listener = b.listener;
    }

    /** Returns a builder of a job that triages with {@code engine}. */
    public static Builder builder(TriageEngine engine) {
        return new Builder(engine);
    }

    /**
     * Returns what assignment did in the run so far: assigned, kept, waiting by reason; empty
     * when the configuration has no agents.
     */
    public java.util.Optional<org.helpdesktriage.core.assign.Assignment.Counts> assignments() {
        return storing.assignmentStats();
    }

    /** Returns the format the results are written in: {@code json}, {@code jsonl}, {@code csv}. */
    public String outputFormat() {
        return outputFormat.id();
    }

    /**
     * Runs the job: reads every record (until a stop), triages, stores, and writes the results
     * and rejects; closes the input.
     *
     * @return the counts: read = triaged + rejected
     * @throws Incomplete when a full disk or a store that went away stopped the run; it counts
     *     what was triaged, rejected and not processed, and no output file was written
     * @throws IOException when an output cannot be written
     */
    public BatchTriage.Summary run() throws IOException {
        for (Path p : new Path[] {outputFile, rejectsFile}) {
            if (p != null) {
                AtomicOutput.removeOrphans(p).forEach(listener::leftoverRemoved);
            }
        }
        long[] delivered = new long[2]; // triaged, rejected: what reached the outputs
        try (CountedReader reader = new CountedReader(input);
                AtomicOutput outFile = outputFile == null ? null
                        : AtomicOutput.create(outputFile);
                AtomicOutput rejectFile = rejectsFile == null ? null
                        : AtomicOutput.create(rejectsFile)) {
            try {
                OutputStream out = outFile == null ? outputStream : outFile.stream();
                OutputStream rej = rejectFile == null ? rejectsStream : rejectFile.stream();
                BatchTriage.Summary summary;
                try (ResultWriter results = ResultWriter.open(out, outputFormat,
                        reader.singleObject(), explain, engine.hasShadow());
                        RejectWriter rejects = new RejectWriter(rej)) {
                    // results are encoded on the worker threads; this thread writes bytes
                    summary = BatchTriage.run(engine, storing, reader,
                            outcome -> outcome instanceof TriageOutcome.Triaged t
                                    ? results.render(t.result()) : null,
                            (outcome, rendered) -> {
                                if (outcome instanceof TriageOutcome.Triaged t) {
                                    delivered[0]++;
                                    results.write(rendered);
                                    listener.triaged(t.result());
                                } else {
                                    delivered[1]++;
                                    Rejection rejection =
                                            ((TriageOutcome.Rejected) outcome).rejection();
                                    rejects.write(rejection);
                                    listener.rejected(rejection);
                                }
                            }, parallelism, stop);
                }
                out.flush();
                rej.flush();
                if (rejectFile != null) {
                    rejectFile.commit();
                }
                if (outFile != null) {
                    outFile.commit();
                }
                return summary;
            } catch (RuntimeException | IOException e) {
                Optional<TriageException> stopped = NoSpace.of(e);
                if (stopped.isEmpty() && e instanceof TriageException gone
                        && gone.code() == ErrorCode.STORE_UNAVAILABLE) {
                    stopped = Optional.of(gone);
                }
                if (stopped.isEmpty()) {
                    throw e;
                }
                long read = reader.handedOut() + reader.skipRest();
                throw new Incomplete(stopped.get(), read, delivered[0], delivered[1]);
            }
        }
    }

    /**
     * What a job tells as it goes, on the thread that runs it, in input order. The command
     * line counts metrics and keeps dead letters here.
     */
    public interface Listener {

        /** A temporary file a killed run left beside an output was removed. */
        default void leftoverRemoved(Path leftover) {
        }

        /** A record was triaged (and stored, with a storing step) and its result written. */
        default void triaged(TriageResult result) {
        }

        /** A record was rejected and written to the rejects. */
        default void rejected(Rejection rejection) {
        }
    }

    /**
     * A run that a full disk ({@link ErrorCode#NO_SPACE}) or a store that went away
     * ({@link ErrorCode#STORE_UNAVAILABLE}) stopped. Its code and message are the cause's; it
     * counts every record read: triaged and rejected before the stop, and not processed. No
     * output file was written (their temporary files are gone); what was stored stays, and a
     * rerun stores each ticket once.
     */
    public static final class Incomplete extends TriageException {

        private static final long serialVersionUID = 1L;

        private final long read;
        private final long triaged;
        private final long rejected;

        Incomplete(TriageException cause, long read, long triaged, long rejected) {
            super(cause.code(), cause.getMessage(), cause);
            this.read = read;
            this.triaged = triaged;
            this.rejected = rejected;
        }

        /** Returns the records read, the unprocessed rest of the input included. */
        public long read() {
            return read;
        }

        /** Returns the records triaged (and stored) before the stop. */
        public long triaged() {
            return triaged;
        }

        /** Returns the records rejected before the stop. */
        public long rejected() {
            return rejected;
        }

        /** Returns the records read but neither triaged nor rejected. */
        public long notProcessed() {
            return read - triaged - rejected;
        }
    }

    /** Builds a {@link TriageJob}; input, output and rejects are required. */
    public static final class Builder {
        private final TriageEngine engine;
        private StoringStep storing;
        private RecordReader input;
        private Path outputFile;
        private OutputStream outputStream;
        private OutputFormat outputFormat;
        private Path rejectsFile;
        private OutputStream rejectsStream;
        private boolean explain;
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private BooleanSupplier stop = () -> false;
        private Listener listener = new Listener() { };

        private Builder(TriageEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
        }

        /**
         * Stores each triaged ticket through {@code value}; default: nothing is stored (and,
         * when the configuration has agents, tickets are assigned with loads counted from
         * zero).
         */
        public Builder storing(StoringStep value) {
            this.storing = Objects.requireNonNull(value, "storing");
            return this;
        }

        /** Reads the records from {@code reader}, which the run closes. */
        public Builder input(RecordReader reader) {
            this.input = Objects.requireNonNull(reader, "input");
            return this;
        }

        /**
         * Reads the records from {@code file}, its format told by its extension, else its
         * content, within the engine configuration's input limits.
         *
         * @throws TriageException ({@link ErrorCode#INPUT_UNREADABLE}) when it cannot be read
         */
        public Builder input(Path file) {
            return input(RecordReaders.open(file, null, engine.config().limits()));
        }

        /** Writes the results atomically to {@code file}. */
        public Builder output(Path file) {
            this.outputFile = Objects.requireNonNull(file, "output");
            this.outputStream = null;
            return this;
        }

        /** Writes the results to {@code stream}, flushed and left open at the end. */
        public Builder output(OutputStream stream) {
            this.outputStream = Objects.requireNonNull(stream, "output");
            this.outputFile = null;
            return this;
        }

        /**
         * The format of the results: {@code json}, {@code jsonl} (or {@code ndjson}) or
         * {@code csv}; default: from the output file's extension, else JSON.
         *
         * @throws IllegalArgumentException naming the known formats when {@code format} is none
         */
        public Builder outputFormat(String format) {
            this.outputFormat = OutputFormat.of(Objects.requireNonNull(format, "format"));
            return this;
        }

        /** Writes the rejects (JSON Lines) atomically to {@code file}. */
        public Builder rejects(Path file) {
            this.rejectsFile = Objects.requireNonNull(file, "rejects");
            this.rejectsStream = null;
            return this;
        }

        /** Writes the rejects (JSON Lines) to {@code stream}, flushed and left open. */
        public Builder rejects(OutputStream stream) {
            this.rejectsStream = Objects.requireNonNull(stream, "rejects");
            this.rejectsFile = null;
            return this;
        }

        /**
         * Writes each result's explanation (CSV: its column); the engine must have been built
         * with {@code explain(true)} for results to carry one.
         */
        public Builder explain(boolean value) {
            this.explain = value;
            return this;
        }

        /** Worker threads; default: the number of processors. The output order is the input's. */
        public Builder parallelism(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("parallelism must be >= 1, got " + value);
            }
            this.parallelism = value;
            return this;
        }

        /** Asked before each record is read; once true, the run reads no more and completes. */
        public Builder stopWhen(BooleanSupplier value) {
            this.stop = Objects.requireNonNull(value, "stop");
            return this;
        }

        /** Told of each result, reject and removed leftover; default: nobody. */
        public Builder listener(Listener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /** Returns the job. */
        public TriageJob build() {
            return new TriageJob(this);
        }
    }
}
