package org.helpdesktriage.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.store.Cleanup;
import org.helpdesktriage.store.DryRun;
import org.helpdesktriage.store.RecordedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

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
            return plan(Cleanup.plan(dry.base(), settings, run.clock().instant()));
        }
        Cleanup.Result result = Cleanup.run(run, settings);
        counts.putAll(result.counts());
        result.removedLeftovers().forEach(p -> say("removed " + p
                + ", left by a backup that was interrupted"));
        metrics.add("helpdesk_triage_cleaned_tickets_total",
                Map.of("action", archive ? "archive" : "delete"), result.moved().size());
        result.corrupt().forEach(c -> err().println("error: " + c.location() + ": "
                + c.problem()));
        result.prunedBackups().forEach(p -> say("pruned backup " + p));
        say(String.format("%s %d tickets finished before %s; pruned %d run records, %d dead "
                + "letters and %d backups", archive ? "archived" : "deleted",
                result.moved().size(), result.cutoff(), result.prunedRuns().size(),
                result.prunedDeadLetters().size(), result.prunedBackups().size()));
        return result.corrupt().isEmpty() ? ExitCode.OK : ExitCode.DATA_PROBLEM;
    }

    private ExitCode plan(Cleanup.Result plan) {
        plan.moved().forEach(id -> say("would " + (archive ? "archive " : "delete ") + id));
        plan.prunedRuns().forEach(r -> say("would prune run record " + r.runId()));
        plan.prunedDeadLetters().forEach(d -> say("would prune dead letter " + d.id()));
        plan.prunedBackups().forEach(p -> say("would prune backup " + p));
        plan.removedLeftovers().forEach(p -> say("would remove " + p
                + ", left by a backup that was interrupted"));
        plan.corrupt().forEach(c -> err().println("error: " + c.location() + ": "
                + c.problem()));
        say(String.format("dry run: would %s %d tickets finished before %s; would prune %d run "
                + "records, %d dead letters and %d backups; nothing was changed",
                archive ? "archive" : "delete", plan.moved().size(), plan.cutoff(),
                plan.prunedRuns().size(), plan.prunedDeadLetters().size(),
                plan.prunedBackups().size()));
        return plan.corrupt().isEmpty() ? ExitCode.OK : ExitCode.DATA_PROBLEM;
    }

    /**
     * Reads ages such as 90d, 12h, 30m or an ISO-8601 duration (PT6H), up to 36500 days: an
     * age that long reaches back past any ticket, and a longer one cannot be subtracted from a
     * date.
     */
    static final class AgeConverter implements ITypeConverter<Duration> {
        private static final Pattern AGE = Pattern.compile("(\\d+)([dhm])");
        static final Duration MAX_AGE = Duration.ofDays(36_500);

        @Override
        public Duration convert(String value) {
            Duration age = parse(value);
            if (age.compareTo(MAX_AGE) > 0) {
                throw new TypeConversionException("'" + value + "' is too long an age; the "
                        + "longest is 36500d (100 years)");
            }
            return age;
        }

        private static Duration parse(String value) {
            Matcher m = AGE.matcher(value.trim().toLowerCase(Locale.ROOT));
            try {
                if (m.matches()) {
                    if (m.group(1).length() > 18) {
                        return Duration.ofSeconds(Long.MAX_VALUE);
                    }
                    long n = Long.parseLong(m.group(1));
                    switch (m.group(2)) {
                        case "d":
                            return Duration.ofDays(n);
                        case "h":
                            return Duration.ofHours(n);
                        default:
                            return Duration.ofMinutes(n);
                    }
                }
                Duration d = Duration.parse(value.trim());
                if (d.isNegative()) {
                    throw new TypeConversionException("'" + value + "' is a negative age");
                }
                return d;
            } catch (ArithmeticException e) {
                return Duration.ofSeconds(Long.MAX_VALUE);
            } catch (TypeConversionException e) {
                throw e;
            } catch (RuntimeException e) {
                if (e.getCause() instanceof ArithmeticException) {
                    return Duration.ofSeconds(Long.MAX_VALUE);
                }
                throw new TypeConversionException("'" + value
                        + "' is not an age; use for example 90d, 12h or 30m");
            }
        }
    }
}
