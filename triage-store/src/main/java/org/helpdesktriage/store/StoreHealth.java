package org.helpdesktriage.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.store.CorruptRecord;

/**
 * Checks a data directory the way an operator would: readable and writable, free disk space,
 * lock state, format version, corrupt ticket files, stray temporary files, audit log lines.
 * Reading only: it changes nothing and takes no lock.
 *
 * <pre>{@code
 * List<HealthCheck> checks = StoreHealth.check(root);
 * boolean healthy = StoreHealth.healthy(checks);
 * }</pre>
 */
public final class StoreHealth {

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
            return new HealthCheck("lock", lock[0].kind() != DataDirectoryLock.LockState.Kind.STALE,
                    lock[0].toString() + (lock[0].kind() == DataDirectoryLock.LockState.Kind.STALE
                            ? "; the next writer takes it over" : ""));
        }));
        FileStore store = new FileStore(root);
        checks.add(guard("ticket files", () -> {
            var scan = store.scan();
            List<CorruptRecord> bad = scan.corrupt();
            return new HealthCheck("ticket files", bad.isEmpty(), bad.isEmpty()
                    ? scan.count() + " ticket(s), all readable"
                    : bad.size() + " corrupt: " + bad);
        }));
        checks.add(guard("temporary files", () -> {
            List<Path> stray = store.strayTempFiles();
            boolean writing = lock[0] != null
                    && lock[0].kind() == DataDirectoryLock.LockState.Kind.HELD;
            if (stray.isEmpty()) {
                return new HealthCheck("temporary files", true, "none");
            }
            return writing
                    ? new HealthCheck("temporary files", true, stray.size()
                            + " (a writer holds the lock; they may be writes in progress)")
                    : new HealthCheck("temporary files", false, stray.size()
                            + " left by an interrupted write: " + stray);
        }));
        checks.add(guard("audit log", () -> {
            FileAuditLog log = new FileAuditLog(root, java.time.Clock.systemUTC());
            List<CorruptRecord> bad = log.problems();
            return new HealthCheck("audit log", bad.isEmpty(), bad.isEmpty()
                    ? log.files().size() + " file(s), all lines readable"
                    : bad.size() + " unreadable line(s): " + bad);
        }));
        return checks;
    }

    /** Returns whether every check passed. */
    public static boolean healthy(List<HealthCheck> checks) {
        return checks.stream().allMatch(HealthCheck::ok);
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
