package org.helpdesktriage.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.store.DryRun;
import org.helpdesktriage.store.RecordedRun;
import org.helpdesktriage.store.provider.Cleanup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Moves old finished tickets out of the store and prunes old run records, dead letters and
 * backups.
 */
@Command(name = "cleanup", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Moves resolved and closed tickets not updated for --older-than to "
                + "<data-dir>/archive/ (with --archive) or deletes them, and prunes run records, "
                + "dead letters and backups beyond their retention. Meant for a weekly cron line."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:an unexpected error", "2:the command line is wrong",
            "3:the configuration is invalid", "5:another process holds the data directory's lock",
            "6:some ticket files are corrupt (the others were cleaned up)"})
final class CleanupCommand extends RecordedCommand {

    @Option(names = "--older-than", paramLabel = "AGE", required = true,
            converter = AgeConverter.class,
            description = "Finished tickets last updated longer ago than this go: 90d, 12h, 30m.")
    Duration olderThan;

    @Option(names = "--archive",
            description = "Moves the tickets to <data-dir>/archive/ instead of deleting them.")
    boolean archive;

    @Option(names = "--keep-runs", paramLabel = "AGE", defaultValue = "90d",
            converter = AgeConverter.class,
            description = "Run records older than this are deleted.")
    Duration keepRuns;

    @Option(names = "--keep-dead-letters", paramLabel = "AGE", defaultValue = "90d",
            converter = AgeConverter.class,
            description = "Dead letters that last failed longer ago than this are deleted.")
    Duration keepDeadLetters;

    @Option(names = "--backups", paramLabel = "DIR",
            description = "The backup directory to prune (the one given to backup --out).")
    Path backups;

    @Option(names = "--keep-backups", paramLabel = "N", defaultValue = "14",
            description = "With --backups: how many of the newest backups to keep.")
    int keepBackups;

    @Mixin
    DryRunOption dryRunOption = new DryRunOption();

    @Override
    String runName() {
        return "cleanup";
    }

    @Override
    boolean dryRun() {
        return dryRunOption.dryRun;
    }

    @Override
    boolean exclusive() {
        return true;
    }

    @Override
    void validate() {
        super.validate();
        requireAtLeast("--keep-backups", keepBackups, 0);
        if (archive && DataDirOptions.postgres(config())) {
            throw usage("--archive moves tickets into the data directory's archive/; with the "
                    + "PostgreSQL store, take a backup first and clean up without --archive");
        }
        if (olderThan.isNegative() || keepRuns.isNegative() || keepDeadLetters.isNegative()) {
            throw usage("--older-than, --keep-runs and --keep-dead-letters must not be "
                    + "negative, got " + olderThan + ", " + keepRuns + " and " + keepDeadLetters);
        }
    }

    @Override
    void declareMetrics(TriageConfig config, Metrics metrics) {
        for (String action : List.of("archive", "delete")) {
            metrics.declare("helpdesk_triage_cleaned_tickets_total", Map.of("action", action));
        }
    }

    @Override
    ExitCode run(TriageConfig config, RecordedRun run, Metrics metrics, Map<String, Long> counts,
            Map<String, String> details) {
        details.put("older_than", olderThan.toString());
        details.put("archive", String.valueOf(archive));
        Cleanup.Settings settings = new Cleanup.Settings(olderThan, archive, keepRuns,
                Optional.ofNullable(backups), keepBackups, keepDeadLetters);
        if (run.data() instanceof DryRun dry) {
            return CleanupReport.plan(this, Cleanup.plan(dry.base(), settings,
                    run.clock().instant()), archive);
        }
        Cleanup.Result result = Cleanup.run(run, settings);
        counts.putAll(result.counts());
        metrics.add("helpdesk_triage_cleaned_tickets_total",
                Map.of("action", archive ? "archive" : "delete"), result.moved().size());
        return CleanupReport.done(this, result, archive);
    }
}
