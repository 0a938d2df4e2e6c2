package org.helpdesktriage.cli;

import java.io.IOException;
import java.util.Map;
import org.helpdesktriage.core.BatchTriage;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.job.TriageJob;
import org.helpdesktriage.store.RecordedRun;
import org.helpdesktriage.store.provider.StoreSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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

    @Mixin
    TriageOptions options = new TriageOptions();

    @Mixin
    ShadowOption shadow = new ShadowOption();

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
        return options.dryRun.dryRun;
    }

    @Override
    boolean usesDataDirectory(TriageConfig config) {
        return !StoreSettings.from(config).memory();
    }

    @Override
    int poolSize() {
        return Math.max(1, options.parallelism) + 1;
    }

    @Override
    TriageConfig config() {
        if (options.store != null) {
            configOptions.overrides.put("store_type", options.store);
        }
        TriageConfig config = super.config();
        // loaded with the live one, so a candidate that does not load opens and writes nothing
        shadow.loadOnce(config, this::configuration, environment().variables());
        return config;
    }

    @Override
    void validate() {
        super.validate();
        requireAtLeast("--parallelism", options.parallelism, 1);
        options.problem(dryRun(), dryRun() && usesDataDirectory(config())).ifPresent(problem -> {
            throw usage(problem);
        });
    }

    @Override
    void declareMetrics(TriageConfig config, Metrics metrics) {
        shadow.declare(metrics);
        TriageJobListener.declare(config, metrics);
    }

    @Override
    void files(CommandFiles files) {
        super.files(files);
        options.files(files, shadow.file);
    }

    @Override
    ExitCode run(TriageConfig config, RecordedRun run, Metrics metrics, Map<String, Long> counts,
            Map<String, String> details) throws IOException {
        options.describe(details);
        if (run != null) {
            run.recordConfiguration(configuration().toRecord(run.clock()));
        }
        TriageEngine engine = shadow.withCandidate(run != null ? run.engine(config)
                : TriageEngine.builder().config(config).clock(clock()))
                .explain(options.explain).build();
        TriageJobListener listener = new TriageJobListener(run, metrics, counts, this);
        TriageJob.Builder job = options.job(engine, new StdoutStream(out()),
                new StdoutStream(err())).listener(listener).stopWhen(this::stopRequested);
        if (run != null) {
            job.storing(run.storing(engine));
        }
        BatchTriage.Summary summary = listener.run(job, options.input());
        listener.tell(summary, engine, shadow.report(engine, metrics, counts, details),
                dryRun(), options.rejectsPath());
        return summary.rejected() > 0 && !options.noFailOnReject ? ExitCode.REJECTED
                : ExitCode.OK;
    }
}
