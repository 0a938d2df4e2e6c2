package org.helpdesktriage.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.store.DryRun;
import org.helpdesktriage.store.RecordedRun;
import org.helpdesktriage.store.Storage;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The base of commands that write the data directory as a recorded run (triage, escalate,
 * cleanup, dead-letters retry): it holds the lock for the whole run, and whatever the outcome,
 * an exception included, saves the run record and writes the metrics file.
 */
abstract class RecordedCommand extends AbstractCommand {

    @Mixin
    DataDirOptions dataDir = new DataDirOptions();

    // set while execute() runs: asked at each chunk boundary whether SIGTERM or SIGINT came
    private Interruption interruption;

    @Option(names = "--metrics-file", paramLabel = "FILE",
            description = "Writes the run's metrics in the Prometheus text format, atomically, "
                    + "for node_exporter's textfile collector.")
    Path metricsFile;

    /** Returns the name the run record and the metrics give this command. */
    abstract String runName();

    /** Returns whether this run writes the data directory; triage without a file store does not. */
    boolean usesDataDirectory(TriageConfig config) {
        return true;
    }

    /**
     * Returns whether the run needs the PostgreSQL store to itself (cleanup): it then takes the
     * advisory lock exclusive, else shared, so that many runs go on at once.
     */
    boolean exclusive() {
        return false;
    }

    /**
     * Returns whether this is a dry run (--dry-run on the commands that have it): the store is
     * opened for reading under a {@link DryRun}, which keeps every write in memory; no lock,
     * run record or metrics file is written.
     */
    boolean dryRun() {
        return false;
    }

    /**
     * Declares every series of the metrics this command writes ({@link Metrics#declare}), so
     * that the metrics file holds each at zero until it first counts.
     */
    abstract void declareMetrics(TriageConfig config, Metrics metrics);

    /** Returns whether a signal asked the run to stop at its next chunk boundary. */
    final boolean stopRequested() {
        return interruption != null && interruption.getAsBoolean();
    }

    /** Returns how many database connections the run may use at once. */
    int poolSize() {
        return 2;
    }

    /**
     * Does the command's work.
     *
     * @param run the run, or {@code null} when {@link #usesDataDirectory} said no
     * @param counts filled with the run's counts, kept even when the work fails
     * @param details filled with facts for the run record (input, output, options)
     */
    abstract ExitCode run(TriageConfig config, RecordedRun run, Metrics metrics,
            Map<String, Long> counts, Map<String, String> details) throws IOException;

    @Override
    DataDirOptions storeOptions(TriageConfig loaded) {
        return usesDataDirectory(loaded) ? dataDir : null;
    }

    @Override
    void validate() {
        super.validate();
        dataDir.validate(this);
        if (dryRun() && metricsFile != null) {
            throw usage("--dry-run writes no file; leave out --metrics-file");
        }
    }

    @Override
    void files(CommandFiles files) {
        super.files(files);
        files.output("--metrics-file", metricsFile);
    }

    // the run goes as it would, against a store that keeps its writes in memory
    private ExitCode dryRun(TriageConfig config) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        DryRun dry = DryRun.over(dataDir.readStorage(config, environment().variables(),
                clock()));
        try (RecordedRun run = RecordedRun.startReproducible(dry, runName(), clock())) {
            ExitCode code = run(config, run, new Metrics(runName()), counts,
                    new LinkedHashMap<>());
            String changes = DryRunOption.describe(dry.changes());
            tell("helpdesk-triage: dry run on " + dry.base().describe() + ", nothing was "
                    + "written" + (changes.equals("nothing") ? "" : "; it would change: "
                    + changes));
            return code;
        }
    }

    private RecordedRun startRun(TriageConfig config) {
        Storage storage = dataDir.openStorage(config, environment().variables(), runName(),
                exclusive(), poolSize(), clock());
        try {
            return fixedTime() ? RecordedRun.startReproducible(storage, runName(), clock())
                    : RecordedRun.start(storage, runName(), clock());
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    // a run that failed (a full disk, say) keeps its own error; the record's is only told
    private void finish(RecordedRun run, ExitCode code, Map<String, String> details,
            Map<String, Long> counts) {
        try {
            run.finish(code.code(), details, counts);
        } catch (RuntimeException e) {
            if (code == ExitCode.OK || code == ExitCode.REJECTED) {
                throw e;
            }
            tell("helpdesk-triage: the run record of run " + run.runId() + " was not written: "
                    + ErrorHandler.message(e));
        }
    }

    @Override
    final ExitCode execute() throws IOException {
        TriageConfig config = config();
        if (dryRun()) {
            return dryRun(config);
        }
        Metrics metrics = new Metrics(runName());
        declareMetrics(config, metrics);
        long start = System.nanoTime();
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("config_fingerprint", ConfigLoader.fingerprint(config));
        ExitCode code = ExitCode.ERROR;
        // closed last: a shutdown hook waiting on it lets the JVM exit once the lock is released
        try (Interruption stop = Interruption.watch();
                RecordedRun run = usesDataDirectory(config) ? startRun(config) : null) {
            interruption = stop;
            if (run != null) {
                run.data().notices().forEach(n -> tell("helpdesk-triage: " + n));
            }
            try {
                code = run(config, run, metrics, counts, details);
                if (stop.getAsBoolean()) {
                    code = stop.exitCode();
                    details.put("status", "interrupted");
                    tell("helpdesk-triage: stopped by " + stop.signal() + " at a chunk boundary;"
                            + " what was read is stored and counted above, the rest of the input"
                            + " was not read; a rerun resumes");
                }
                return code;
            } catch (RuntimeException | IOException e) {
                code = ErrorHandler.exitCode(e);
                throw e;
            } finally {
                if (run != null) {
                    finish(run, code, details, counts);
                }
                if (metricsFile != null) {
                    // under --now the duration is the fixed clock's, as in the run record
                    metrics.write(metricsFile, fixedTime() ? 0 : (System.nanoTime() - start) / 1e9,
                            code.code(), clock().instant());
                }
            }
        }
    }
}
