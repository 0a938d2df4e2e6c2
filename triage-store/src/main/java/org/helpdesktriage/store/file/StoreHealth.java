package org.helpdesktriage.store.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.store.StoreScan.CorruptRecord;
import org.helpdesktriage.store.HealthCheck;

/**
 * Checks a data directory the way an operator would: readable and writable, free disk space,
 * that the folder is a data directory at all ({@link DataFolder}; an empty folder or one holding
 * other things fails, and the checks after it are skipped), lock state, format version, corrupt ticket files, leftovers of interrupted runs, audit log
 * lines, run records and dead letters. Reading only: it changes nothing and takes no lock.
 *
 * <p>Damage fails a check; what is information or a leftover the next writer removes is a
 * warning ({@link HealthCheck#warning()}) and keeps the directory healthy: a lock file naming a
 * process that does not hold the lock (the operating-system lock alone decides whether the
 * directory is locked), temporary files and restore staging directories left by a crash, an
 * audit line cut short. So a copy of a live data directory taken by {@code tar}, {@code cp -a}
 * or {@code rsync} at any moment is healthy, with warnings at most.
 *
 * <pre>{@code
 * List<HealthCheck> checks = StoreHealth.check(root);
 * boolean healthy = StoreHealth.healthy(checks);
 * }</pre>
 */
public final class StoreHealth {

    /** The name of the check that the folder is a data directory at all. */
    static final String CONTENTS = "data directory contents";

    /** The free space under which the disk check fails: 100 MiB. */
    public static final long DEFAULT_MIN_FREE_BYTES = 100L * 1024 * 1024;

    private StoreHealth() {
    }

    /** Runs every check with the default free-space threshold. */
    public static List<HealthCheck> check(Path root) {
        return check(root, DEFAULT_MIN_FREE_BYTES);
    }

    /** Runs every check; the disk check fails under {@code minFreeBytes} of usable space. */
    public static List<HealthCheck> check(Path root, long minFreeBytes) {
        Objects.requireNonNull(root, "root");
        List<HealthCheck> checks = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            checks.add(new HealthCheck("data directory", false, root + " does not exist"));
            return checks;
        }
        boolean readable = Files.isReadable(root);
        boolean writable = Files.isWritable(root);
        checks.add(new HealthCheck("data directory", readable && writable, root + " is "
                + (readable ? "readable" : "NOT readable") + " and "
                + (writable ? "writable" : "NOT writable")));
        checks.add(disk(root, minFreeBytes));
        HealthCheck layout = guard(CONTENTS, () -> contents(root));
        checks.add(layout);
        if (!layout.ok()) {
            // the checks below read a data directory; on anything else they only mislead
            return checks;
        }
        checks.add(guard("format version", () -> {
            Optional<Integer> v = FormatVersion.read(root);
            if (v.isEmpty()) {
                return new HealthCheck("format version", true, "new directory, no version yet");
            }
            FormatVersion.checkReadable(root, v.get());
            return new HealthCheck("format version", true, v.get() == FormatVersion.CURRENT
                    ? "version " + v.get() : "version " + v.get() + ", migrated to "
                            + FormatVersion.CURRENT + " when next opened for writing");
        }));
        DataDirectoryLock.LockState[] lock = new DataDirectoryLock.LockState[1];
        checks.add(guard("lock", () -> {
            lock[0] = DataDirectoryLock.inspect(root);
            String detail = lock[0].toString();
            if (lock[0].kind() == DataDirectoryLock.LockState.Kind.STALE) {
                return HealthCheck.warn("lock", detail);
            }
            return new HealthCheck("lock", true, detail);
        }));
        boolean writing = lock[0] != null
                && lock[0].kind() == DataDirectoryLock.LockState.Kind.HELD;
        FileStore store = new FileStore(root);
        checks.add(guard("ticket files", () -> {
            var scan = store.scan();
            List<CorruptRecord> bad = scan.corrupt();
            return new HealthCheck("ticket files", bad.isEmpty(), bad.isEmpty()
                    ? scan.count() + " ticket(s), all readable"
                    : bad.size() + " corrupt: " + bad);
        }));
        checks.add(guard("temporary files", () -> leftovers(root, writing)));
        checks.add(guard("audit log", () -> audit(root, writing)));
        checks.add(guard("run records", () -> records("run records",
                new RunRecords(root).problems())));
        checks.add(guard("dead letters", () -> records("dead letters",
                new DeadLetters(root).problems())));
        if (Files.exists(root.resolve(LedgerFile.DIRECTORY))) {
            checks.add(guard("agent ledger", () -> ledger(root)));
        }
        List<Path> links = DataLinks.find(root);
        checks.add(new HealthCheck("symbolic links", links.isEmpty(), links.isEmpty() ? "none"
                : links.size() + " inside the data directory, which helpdesk-triage never "
                        + "follows; put the real files or folders there: " + first(links)));
        return checks;
    }

    // an existing folder is not healthy for being there: it must be a data directory
    private static HealthCheck contents(Path root) {
        DataFolder.Survey survey = DataFolder.survey(root);
        switch (survey.state()) {
            case EMPTY:
                return new HealthCheck(CONTENTS, false, root + " is empty, not a data directory "
                        + "yet; the first 'triage --store file' into it makes it one");
            case NOT_A_DATA_DIRECTORY:
                return new HealthCheck(CONTENTS, false, root + " is not a data directory: it "
                        + "holds " + survey.foreignEntries() + " and no " + FormatVersion.FILE
                        + "; name the data directory itself (--data-dir or store_path)");
            default:
                return new HealthCheck(CONTENTS, true, Files.exists(root.resolve(
                        FormatVersion.FILE)) ? "a data directory (" + FormatVersion.FILE + ")"
                        : "a data directory of format 0 (only data-directory entries, no "
                                + FormatVersion.FILE + " yet)");
        }
    }

    // leftovers are a warning, never a failure: reads skip them and the next writer removes them
    private static HealthCheck leftovers(Path root, boolean writing) {
        List<Leftovers.Leftover> found = Leftovers.find(root);
        if (found.isEmpty()) {
            return new HealthCheck("temporary files", true, "none");
        }
        if (writing) {
            return new HealthCheck("temporary files", true, found.size()
                    + " (a writer holds the lock; they may be writes in progress)");
        }
        return HealthCheck.warn("temporary files", found.size() + " left by an interrupted run "
                + "or copied with the directory; reads skip them and the next writer removes "
                + "them: " + first(found));
    }

    private static HealthCheck audit(Path root, boolean writing) {
        FileAuditLog log = new FileAuditLog(root, java.time.Clock.systemUTC());
        List<CorruptRecord> bad = log.problems();
        if (!bad.isEmpty()) {
            return new HealthCheck("audit log", false, bad.size() + " unreadable line(s): "
                    + bad);
        }
        String whole = log.files().size() + " file(s), all lines readable";
        List<Leftovers.Leftover> torn = Leftovers.unfinishedAuditLines(root);
        if (torn.isEmpty() || writing) {
            return new HealthCheck("audit log", true, whole);
        }
        return HealthCheck.warn("audit log", whole + " but " + torn.size() + " unfinished last "
                + "line(s), cut short by a crash or by a copy taken mid-write; queries ignore "
                + "them and the next writer cuts them: " + torn);
    }

    // a ledger that cannot be read is rebuilt from the tickets by the next run that assigns
    private static HealthCheck ledger(Path root) {
        Path file = LedgerFile.of(root);
        if (!Files.exists(file)) {
            return HealthCheck.warn("agent ledger", file + " is missing; the next run that "
                    + "assigns rebuilds it from the stored tickets");
        }
        try {
            LedgerFile l = LedgerFile.read(root);
            long held = l.held().values().stream().mapToLong(java.util.Set::size).sum();
            return new HealthCheck("agent ledger", true, l.held().size() + " agent(s), "
                    + held + " ticket(s) counting towards loads");
        } catch (IOException | IllegalArgumentException e) {
            return HealthCheck.warn("agent ledger", file + " cannot be read (" + e.getMessage()
                    + "); the next run that assigns rebuilds it from the stored tickets");
        }
    }

    private static HealthCheck records(String name, List<CorruptRecord> bad) {
        return new HealthCheck(name, bad.isEmpty(), bad.isEmpty() ? "all readable"
                : bad.size() + " unreadable: " + bad);
    }

    private static String first(List<?> items) {
        int shown = Math.min(items.size(), 10);
        return items.subList(0, shown) + (items.size() > shown
                ? " and " + (items.size() - shown) + " more" : "");
    }

    private static HealthCheck disk(Path root, long minFreeBytes) {
        try {
            long free = Files.getFileStore(root).getUsableSpace();
            return new HealthCheck("disk space", free >= minFreeBytes, mib(free) + " free"
                    + (free >= minFreeBytes ? "" : ", under the minimum of " + mib(minFreeBytes)));
        } catch (IOException e) {
            return new HealthCheck("disk space", false, "cannot be read: " + e);
        }
    }

    private static String mib(long bytes) {
        return (bytes / (1024 * 1024)) + " MiB";
    }

    private static HealthCheck guard(String name, java.util.function.Supplier<HealthCheck> check) {
        try {
            return check.get();
        } catch (TriageException e) {
            return new HealthCheck(name, false, e.getMessage());
        }
    }
}
