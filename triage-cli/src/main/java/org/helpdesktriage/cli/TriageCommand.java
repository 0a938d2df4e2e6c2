package org.helpdesktriage.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.BatchSummary;
import org.helpdesktriage.core.StoringStep;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.ingest.InputFormat;
import org.helpdesktriage.core.job.TriageJob;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.output.OutputFormat;
import org.helpdesktriage.store.RecordedConfig;
import org.helpdesktriage.store.RecordedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Parameters;

/** Triages an input file into an output file, rejects into a rejects file. */
@Command(name = "triage", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Triages the tickets of INPUT and writes the results to OUTPUT.",
            "Records that fail to parse or validate go to the rejects file with their line and "
                + "every field error; the batch goes on. A one-line summary goes to stderr."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every record triaged",
            "1:an unexpected error",
            "2:the command line is wrong",
            "3:the input cannot be read, or the configuration or the shadow configuration "
                + "(--shadow) is invalid",
            "4:some records were rejected; the rest were written (0 with --no-fail-on-reject)",
            "5:another process holds the data directory's lock",
            "6:the data directory or database has a problem (named)",
            "7:a disk is full; the summary counts what was not processed; rerun after "
                + "freeing space",
            "130:stopped by SIGINT at a chunk boundary (run record: interrupted)",
            "143:stopped by SIGTERM at a chunk boundary (run record: interrupted)"})
final class TriageCommand extends RecordedCommand {

    @Parameters(index = "0", paramLabel = "INPUT",
            description = "The ticket file: JSON object or array, JSON Lines, CSV with a header "
                    + "row, or text blocks; - for standard input.")
    String input;

    @Parameters(index = "1", paramLabel = "OUTPUT", arity = "0..1", defaultValue = "-",
            description = "The result file, written atomically; - for standard output.")
    String output;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "The input format: ${COMPLETION-CANDIDATES}. Default: from INPUT's "
                    + "extension, else from its content.")
    InputFormat format;

    @Option(names = "--output-format", paramLabel = "FORMAT",
            description = "The output format: ${COMPLETION-CANDIDATES}. Default: from OUTPUT's "
                    + "extension, else json.")
    OutputFormat outputFormat;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "The rejects file (JSON Lines). Default: OUTPUT.rejects.jsonl, or "
                    + "standard error when OUTPUT is standard output.")
    Path rejects;

    @Option(names = "--explain",
            description = "Adds to each result every rule evaluated, and why each did or did "
                    + "not match.")
    boolean explain;

    @Option(names = "--no-fail-on-reject",
            description = "Exits 0 instead of 4 when some records were rejected.")
    boolean noFailOnReject;

    @Option(names = "--text-field", paramLabel = "FIELD",
            description = "A field holding the whole text of a record without title and "
                    + "description (a history file): its first words become the title, the "
                    + "rest the description; a record without an id or a requester gets "
                    + "placeholders.")
    String textField;

    @Option(names = "--label-field", paramLabel = "FIELD",
            description = "A field holding a label (a history file): left out of the "
                    + "tickets, so the same file and options serve train, evaluate and triage.")
    String labelField;

    // the default depends on the machine, so it is said, not shown (the man pages stay the same)
    @Option(names = "--parallelism", paramLabel = "N", showDefaultValue = Visibility.NEVER,
            description = "Worker threads; the output keeps input order whatever the number. "
                    + "Default: the number of processors.")
    int parallelism = Runtime.getRuntime().availableProcessors();

    @Option(names = "--store", paramLabel = "TYPE",
            description = "Where triaged tickets are kept: memory (nowhere after the run), "
                    + "file (the data directory, with audit entries, dead letters and a run "
                    + "record) or postgres (the same in the PostgreSQL database store_url names,"
                    + " shared by many processes). Default: store_type from the configuration.")
    String store;

    @Mixin
    DryRunOption dryRunOption = new DryRunOption();

    @Mixin
    ShadowOption shadow = new ShadowOption();

    private boolean shadowLoading;

    @Override
    boolean dependsOnRules() {
        return true;
    }

    @Override
    String runName() {
        return "triage";
    }

    @Override
    boolean dryRun() {
        return dryRunOption.dryRun;
    }

    @Override
    boolean usesDataDirectory(TriageConfig config) {
        return !config.storeType().equals("memory");
    }

    @Override
    int poolSize() {
        return Math.max(1, parallelism) + 1;
    }

    @Override
    TriageConfig config() {
        if (store != null) {
            configOptions.overrides.put("store_type", store);
        }
        TriageConfig config = super.config();
        // loaded with the live one, so a candidate that does not load opens and writes nothing
        // (configuration() calls config() again: the flag stops the second call)
        if (!shadowLoading) {
            shadowLoading = true;
            shadow.candidate(config, configuration().file(), environment().variables());
        }
        return config;
    }

    @Override
    void validate() {
        super.validate();
        requireAtLeast("--parallelism", parallelism, 1);
        checkFiles();
        if (dryRun()) {
            if (!usesDataDirectory(config())) {
                throw usage("--dry-run shows what triage would store; give --store file or "
                        + "postgres (store_type is memory, which stores nothing)");
            }
            if (!output.equals("-") || rejects != null) {
                throw usage("--dry-run writes no file; leave out OUTPUT and --rejects to see "
                        + "the results on standard output and the rejects on standard error");
            }
        }
    }

    @Override
    void declareMetrics(TriageConfig config, Metrics metrics) {
        shadow.declare(metrics);
        for (String outcome : List.of("triaged", "rejected")) {
            metrics.declare("helpdesk_triage_records_total", Map.of("outcome", outcome));
        }
        for (String category : config.categories().names()) {
            for (Priority priority : Priority.values()) {
                metrics.declare("helpdesk_triage_tickets_total",
                        Map.of("category", category, "priority", priority.id()));
            }
        }
        if (config.cacheEnabled()) {
            for (String result : List.of("hit", "miss")) {
                metrics.declare("helpdesk_triage_cache_lookups_total", Map.of("result", result));
            }
        }
    }

    @Override
    ExitCode run(TriageConfig config, RecordedRun run, Metrics metrics, Map<String, Long> counts,
            Map<String, String> details) throws IOException {
        details.put("input", input);
        details.put("output", output);
        Path r = rejectsPath();
        details.put("rejects", r == null ? "-" : r.toString());
        if (run != null) {
            // the data directory knows its configuration, for the commands run on it later
            RecordedConfig used = configuration().toRecord(run.clock());
            if (run.data().recordedConfig().filter(used::sameAs).isEmpty()) {
                run.data().recordConfig(used);
            }
        }
        return triage(config, run, metrics, counts, details);
    }

    private ExitCode triage(TriageConfig config, RecordedRun run, Metrics metrics,
            Map<String, Long> counts, Map<String, String> details) throws IOException {
        TriageEngine.Builder builder = (run != null ? run.engine(config)
                : TriageEngine.builder().config(config).clock(clock())).explain(explain);
        shadow.candidate(config, configuration().file(), environment().variables())
                .ifPresent(builder::shadow);
        TriageEngine engine = builder.build();
        boolean toStdout = output.equals("-");
        Path rejectsPath = rejectsPath();
        TriageInput in = new TriageInput(input, format, textField, labelField);
        Progress.ByteCounter counter = in.counted(environment().in());
        Progress progress = Progress.of(environment().terminal() && !quiet(), err(),
                environment().clock(), input.equals("-") ? 0 : Files.size(Path.of(input)),
                counter);
        TriageJob.Builder job = TriageJob.builder(engine)
                .storing(run == null ? StoringStep.none() : run.storing(engine))
                .input(in.open(counter, config)).explain(explain).parallelism(parallelism)
                .stopWhen(this::stopRequested)
                .listener(new TriageJobListener(run, metrics, progress, err()))
                .outputFormat(Optional.ofNullable(outputFormat).or(() -> toStdout
                        ? Optional.empty() : OutputFormat.fromFileName(output))
                        .orElse(OutputFormat.JSON));
        job = toStdout ? job.output(new StdoutStream(out())) : job.output(Path.of(output));
        job = rejectsPath == null ? job.rejects(new StdoutStream(err()))
                : job.rejects(rejectsPath);
        BatchSummary summary;
        try {
            summary = job.build().run();
        } catch (TriageJob.Incomplete stopped) {
            counts.put("read", stopped.read());
            counts.put("triaged", stopped.triaged());
            counts.put("rejected", stopped.rejected());
            counts.put("not_processed", stopped.notProcessed());
            throw stopped(stopped, run);
        } finally {
            progress.finish();
        }
        counts.put("read", summary.read());
        counts.put("triaged", summary.triaged());
        counts.put("rejected", summary.rejected());
        if (run != null) {
            counts.put("dead_letters_resolved", run.deadLettersResolved());
        }
        String cache = engine.cache().map(c -> {
            counts.put("cache_hits", c.hits());
            counts.put("cache_misses", c.misses());
            metrics.add("helpdesk_triage_cache_lookups_total", Map.of("result", "hit"), c.hits());
            metrics.add("helpdesk_triage_cache_lookups_total", Map.of("result", "miss"),
                    c.misses());
            return ", cache hits " + c.hits() + ", misses " + c.misses();
        }).orElse("");
        String shadowed = shadow.report(engine, metrics, counts, details);
        tell("helpdesk-triage: " + summary + cache + shadowed
                + (run == null || dryRun() ? "" : ", run " + run.runId())
                + (summary.rejected() > 0 && rejectsPath != null
                        ? " (rejects in " + rejectsPath + ")" : ""));
        return summary.rejected() > 0 && !noFailOnReject ? ExitCode.REJECTED : ExitCode.OK;
    }

    // a database that went away: one line saying where, what was stored and that a rerun
    // resumes (each ticket is stored once, by id); a full disk: the summary counts every
    // record and OUTPUT was not written
    private TriageException stopped(TriageJob.Incomplete stopped, RecordedRun run) {
        if (stopped.code() == ErrorCode.STORE_UNAVAILABLE) {
            return new TriageException(ErrorCode.STORE_UNAVAILABLE, stopped.getMessage() + "; "
                    + stopped.triaged() + " ticket(s) of this run were stored before it went, "
                    + stopped.notProcessed() + " record(s) not processed; run again when the "
                    + "database is back: the rerun resumes, storing each ticket once", stopped);
        }
        tell("helpdesk-triage: read " + stopped.read() + ", triaged " + stopped.triaged()
                + ", rejected " + stopped.rejected() + ", not processed "
                + stopped.notProcessed() + " (no space left on device)"
                + (run == null ? "" : ", run " + run.runId()) + "; OUTPUT was not written; "
                + "free some space and run again: a rerun stores each ticket once");
        return (TriageException) stopped.getCause();
    }

    // checked before anything is opened or written, so a wrong command line commits nothing
    private void checkFiles() {
        Path r = rejectsPath();
        if (!output.equals("-") && Files.isDirectory(Path.of(output))) {
            throw usage("OUTPUT '" + output
                    + "' is a directory; name a file to write the results to");
        }
        if (r != null && Files.isDirectory(r)) {
            throw usage("the rejects file '" + r
                    + "' is a directory; name a file with --rejects");
        }
    }

    @Override
    void files(CommandFiles files) {
        super.files(files);
        files.input("INPUT", Path.of(input)).output("OUTPUT", Path.of(output))
                .output("--rejects", rejectsPath()).input("--shadow", shadow.file);
    }

    private Path rejectsPath() {
        if (rejects != null) {
            return rejects;
        }
        return output.equals("-") ? null : Path.of(output + ".rejects.jsonl");
    }
}
