package org.helpdesktriage.store.provider;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.core.store.StoreScan.CorruptRecord;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.store.DeadLetter;
import org.helpdesktriage.store.RecordedRun;
import org.helpdesktriage.store.RunRecord;
import org.helpdesktriage.store.Storage;
import org.helpdesktriage.store.archive.Backup;
import org.helpdesktriage.store.file.DataDirectory;
import org.helpdesktriage.store.file.FileStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans a data directory up: moves finished tickets not updated for a while to
 * {@code <root>/archive/} (or deletes them), auditing each, and prunes old run records, old dead
 * letters and, in a backup directory, all but the newest backups.
 *
 * <pre>{@code
 * try (RecordedRun run = RecordedRun.open(root, "cleanup", wait, clock)) {
 *     Cleanup.Result result = Cleanup.run(run, Cleanup.Settings.archiveAfter(Duration.ofDays(90)));
 *     run.finish(result.corrupt().isEmpty() ? 0 : 6, Map.of(), result.counts());
 * }
 * }</pre>
 */
public final class Cleanup {

    /** Where archived tickets go, under the data directory: a {@link FileStore} of its own. */
    public static final String ARCHIVE = "archive";

    /** The actor audit entries of a cleanup name. */
    public static final String ACTOR = "helpdesk-triage";

    private static final Logger LOG = LoggerFactory.getLogger(Cleanup.class);

    private Cleanup() {
    }

    /**
     * What a cleanup does.
     *
     * @param olderThan finished tickets last updated longer ago than this go; zero or more
     * @param archive move them to the archive instead of deleting them
     * @param keepRuns run records that started longer ago than this are deleted; zero or more
     * @param backups the backup directory to prune, or empty to leave backups alone
     * @param keepBackups how many of the newest backups to keep there; zero or more
     * @param keepDeadLetters dead letters that last failed longer ago than this are deleted;
     *     zero or more
     */
    public record Settings(Duration olderThan, boolean archive, Duration keepRuns,
            Optional<Path> backups, int keepBackups, Duration keepDeadLetters) {

        /** The dead-letter retention when none is given: as long as run records are kept. */
        public static final Duration KEEP_DEAD_LETTERS = Duration.ofDays(90);

        /** Checks the values. */
        public Settings {
            requireNotNegative(olderThan, "olderThan");
            requireNotNegative(keepRuns, "keepRuns");
            requireNotNegative(keepDeadLetters, "keepDeadLetters");
            Objects.requireNonNull(backups, "backups");
            if (keepBackups < 0) {
                throw new IllegalArgumentException("keepBackups must be 0 or more, got "
                        + keepBackups);
            }
        }

        /** Creates settings that keep dead letters {@link #KEEP_DEAD_LETTERS}. */
        public Settings(Duration olderThan, boolean archive, Duration keepRuns,
                Optional<Path> backups, int keepBackups) {
            this(olderThan, archive, keepRuns, backups, keepBackups, KEEP_DEAD_LETTERS);
        }

        /**
         * Returns settings that archive tickets finished longer ago than {@code olderThan}, keep
         * 90 days of run records and of dead letters and touch no backup.
         */
        public static Settings archiveAfter(Duration olderThan) {
            return new Settings(olderThan, true, Duration.ofDays(90), Optional.empty(), 14);
        }

        private static void requireNotNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + d);
            }
        }
    }

    /**
     * What a cleanup did.
     *
     * @param cutoff tickets finished and last updated before this went
     * @param moved ids of the tickets archived or deleted, in id order
     * @param prunedRuns the run records deleted
     * @param prunedDeadLetters the dead letters deleted, oldest first
     * @param prunedBackups the backup archives deleted, oldest first
     * @param removedLeftovers temporary archives that interrupted backups of this data
     *     directory left in the backup directory, removed
     * @param corrupt ticket files that could not be read (left where they are)
     * @param archived whether tickets were archived rather than deleted
     */
    public record Result(Instant cutoff, List<String> moved, List<RunRecord> prunedRuns,
            List<DeadLetter> prunedDeadLetters, List<Path> prunedBackups, List<Path> removedLeftovers, List<CorruptRecord> corrupt,
            boolean archived) {

        /** Copies the lists. */
        public Result {
            Objects.requireNonNull(cutoff, "cutoff");
            moved = List.copyOf(moved);
            prunedRuns = List.copyOf(prunedRuns);
            prunedDeadLetters = List.copyOf(prunedDeadLetters);
            prunedBackups = List.copyOf(prunedBackups);
            removedLeftovers = List.copyOf(removedLeftovers);
            corrupt = List.copyOf(corrupt);
        }

        /** Returns the counts as a run record keeps them. */
        public Map<String, Long> counts() {
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("tickets_" + (archived ? "archived" : "deleted"), (long) moved.size());
            counts.put("runs_pruned", (long) prunedRuns.size());
            counts.put("dead_letters_pruned", (long) prunedDeadLetters.size());
            counts.put("backups_pruned", (long) prunedBackups.size());
            counts.put("corrupt", (long) corrupt.size());
            return counts;
        }
    }

    /**
     * Cleans up the run's data directory as {@code settings} say, at the run's clock.
     *
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} when a file cannot be moved or
     *     deleted
     */
    public static Result run(RecordedRun run, Settings settings) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(settings, "settings");
        Storage data = run.data();
        checkArchive(data, settings);
        Instant now = run.clock().instant();
        Instant cutoff = now.minus(settings.olderThan());
        StoreScan scan = data.tickets().scan();
        FileStore archive = settings.archive()
                ? new FileStore(((DataDirectory) data).root().resolve(ARCHIVE)) : null;
        String action = settings.archive() ? "archive" : "delete";
        List<String> moved = new ArrayList<>();
        for (Ticket t : scan.tickets()) {
            if (t.status().isFinished() && t.updatedAt().isBefore(cutoff)) {
                if (settings.archive()) {
                    archive.save(t);
                }
                data.tickets().delete(t.ticketId());
                data.audit().append(new AuditLog.Entry(now, ACTOR, action, t.ticketId(), Map.of(),
                        run.runId()));
                moved.add(t.ticketId());
            }
        }
        List<RunRecord> prunedRuns = data.runs().pruneStartedBefore(
                now.minus(settings.keepRuns()));
        List<DeadLetter> prunedLetters = data.deadLetters().pruneBefore(
                now.minus(settings.keepDeadLetters()));
        List<Path> prunedBackups = settings.backups()
                .map(dir -> pruneBackups(dir, settings.keepBackups())).orElse(List.of());
        List<Path> leftovers = settings.backups().filter(dir -> data instanceof DataDirectory)
                .map(dir -> Backup.removeLeftovers(((DataDirectory) data).root(), dir))
                .orElse(List.of());
        LOG.info("cleanup of {}: {} {} ticket(s) finished before {}, pruned {} run record(s) "
                + "and {} backup(s)", data.describe(), settings.archive() ? "archived" : "deleted",
                moved.size(), cutoff, prunedRuns.size(), prunedBackups.size());
        LOG.info("cleanup of {}: pruned {} dead letter(s)", data.describe(),
                prunedLetters.size());
        return new Result(cutoff, moved, prunedRuns, prunedLetters, prunedBackups, leftovers,
                scan.corrupt(),
                settings.archive());
    }

    /**
     * Returns what {@link #run} would do to {@code data} at {@code now}, doing none of it: the
     * tickets it would archive or delete, the run records, dead letters and backups it would
     * prune and the leftovers it would remove. Reads only, so it needs no lock.
     */
    public static Result plan(Storage data, Settings settings, Instant now) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(now, "now");
        checkArchive(data, settings);
        Instant cutoff = now.minus(settings.olderThan());
        StoreScan scan = data.tickets().scan();
        List<String> moved = scan.tickets().stream()
                .filter(t -> t.status().isFinished() && t.updatedAt().isBefore(cutoff))
                .map(Ticket::ticketId).toList();
        Instant runCutoff = now.minus(settings.keepRuns());
        List<RunRecord> runs = data.runs().list().stream()
                .filter(r -> r.startedAt().isBefore(runCutoff)).toList();
        Instant letterCutoff = now.minus(settings.keepDeadLetters());
        List<DeadLetter> letters = data.deadLetters().list().stream()
                .filter(d -> d.time().isBefore(letterCutoff)).toList();
        List<Path> backups = settings.backups()
                .map(dir -> backupsBeyond(dir, settings.keepBackups())).orElse(List.of());
        List<Path> leftovers = settings.backups().filter(dir -> data instanceof DataDirectory)
                .map(dir -> Backup.leftovers(((DataDirectory) data).root(), dir))
                .orElse(List.of());
        return new Result(cutoff, moved, runs, letters, backups, leftovers, scan.corrupt(),
                settings.archive());
    }

    private static void checkArchive(Storage data, Settings settings) {
        if (settings.archive() && !(data instanceof DataDirectory)) {
            throw new IllegalArgumentException("archiving moves tickets into the data "
                    + "directory's archive/; " + data.describe() + " is not a data directory: "
                    + "take a backup first and clean up without archiving");
        }
    }

    /**
     * Deletes all but the newest {@code keep} backup archives in {@code dir} and returns the
     * deleted ones, oldest first. Archive names carry a sortable UTC time, so name order is age
     * order; files that are not backup archives are left alone.
     */
    public static List<Path> pruneBackups(Path dir, int keep) {
        Objects.requireNonNull(dir, "dir");
        if (keep < 0) {
            throw new IllegalArgumentException("keep must be 0 or more, got " + keep);
        }
        List<Path> pruned = new ArrayList<>();
        try {
            for (Path p : backupsBeyond(dir, keep)) {
                Files.deleteIfExists(p);
                pruned.add(p);
            }
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "cannot prune backups in " + dir + ": " + e, e);
        }
        return pruned;
    }

    // the backup archives of dir beyond the newest keep, oldest first
    private static List<Path> backupsBeyond(Path dir, int keep) {
        List<Path> all = new ArrayList<>();
        try {
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir,
                        "helpdesk-triage-backup-*.tar.gz")) {
                    ds.forEach(all::add);
                }
            }
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "cannot list backups in " + dir + ": " + e, e);
        }
        all.sort(null);
        return all.subList(0, Math.max(0, all.size() - keep));
    }
}
