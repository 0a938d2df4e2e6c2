package org.helpdesktriage.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditEntry;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.store.FileStore;
import org.helpdesktriage.store.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Moves old finished tickets out of the store and prunes old run records and backups. */
@Command(name = "cleanup", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Moves resolved and closed tickets not updated for --older-than to "
                + "<data-dir>/archive/ (with --archive) or deletes them, and prunes run records "
                + "and backups beyond their retention. Meant for a weekly cron line."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:an unexpected error", "2:the command line is wrong",
            "3:the configuration is invalid", "5:another process holds the data directory's lock",
            "6:some ticket files are corrupt (the others were cleaned up)"})
final class CleanupCommand extends RecordedCommand {

    /** Where archived tickets go, under the data directory; a FileStore of its own. */
    static final String ARCHIVE = "archive";

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

    @Option(names = "--backups", paramLabel = "DIR",
            description = "The backup directory to prune (the one given to backup --out).")
    Path backups;

    @Option(names = "--keep-backups", paramLabel = "N", defaultValue = "14",
            description = "With --backups: how many of the newest backups to keep.")
    int keepBackups;

    @Override
    String runName() {
        return "cleanup";
    }

    @Override
    ExitCode run(TriageConfig config, RunRecorder run, Metrics metrics, Map<String, Long> counts,
            Map<String, String> details) throws IOException {
        details.put("older_than", olderThan.toString());
        details.put("archive", String.valueOf(archive));
        return cleanup(run, counts, metrics);
    }

    private ExitCode cleanup(RunRecorder run, Map<String, Long> counts, Metrics metrics)
            throws IOException {
        Instant now = clock().instant();
        Instant cutoff = now.minus(olderThan);
        StoreScan scan = run.data().tickets().scan();
        FileStore archiveStore = new FileStore(run.data().root().resolve(ARCHIVE));
        long moved = 0;
        for (Ticket t : scan.tickets()) {
            if (t.status().isFinished() && t.updatedAt().isBefore(cutoff)) {
                if (archive) {
                    archiveStore.save(t);
                }
                run.data().tickets().delete(t.ticketId());
                run.data().audit().append(new AuditEntry(now, "helpdesk-triage",
                        archive ? "archive" : "delete", t.ticketId(), Map.of(), run.runId()));
                moved++;
            }
        }
        List<RunRecord> prunedRuns = run.data().runs().pruneStartedBefore(now.minus(keepRuns));
        List<Path> prunedBackups = backups == null ? List.of() : pruneBackups();
        counts.put("tickets_" + (archive ? "archived" : "deleted"), moved);
        counts.put("runs_pruned", (long) prunedRuns.size());
        counts.put("backups_pruned", (long) prunedBackups.size());
        counts.put("corrupt", (long) scan.corrupt().size());
        metrics.add("helpdesk_triage_cleaned_tickets_total",
                "action=\"" + (archive ? "archive" : "delete") + "\"", moved);
        scan.corrupt().forEach(c -> err().println("error: " + c.location() + ": " + c.problem()));
        prunedBackups.forEach(p -> out().println("pruned backup " + p));
        out().printf("%s %d tickets finished before %s; pruned %d run records and %d backups%n",
                archive ? "archived" : "deleted", moved, cutoff, prunedRuns.size(),
                prunedBackups.size());
        return scan.corrupt().isEmpty() ? ExitCode.OK : ExitCode.DATA_PROBLEM;
    }

    // backup names carry a sortable UTC timestamp, so name order is age order
    private List<Path> pruneBackups() throws IOException {
        List<Path> all = new ArrayList<>();
        if (Files.isDirectory(backups)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(backups,
                    "helpdesk-triage-backup-*.tar.gz")) {
                ds.forEach(all::add);
            }
        }
        all.sort(null);
        List<Path> pruned = new ArrayList<>();
        for (int i = 0; i < all.size() - Math.max(0, keepBackups); i++) {
            Files.deleteIfExists(all.get(i));
            pruned.add(all.get(i));
        }
        return pruned;
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
