package org.helpdesktriage.store.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.store.RecordedConfig;
import org.helpdesktriage.store.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door to a data directory: its tickets, its audit log, its lock and its format.
 *
 * <pre>
 * &lt;root&gt;/format-version     "1"
 * &lt;root&gt;/lock               the lock file ({@link DataDirectoryLock})
 * &lt;root&gt;/tickets/*.json      one ticket per file ({@link FileStore})
 * &lt;root&gt;/audit/audit-YYYY-MM-DD.jsonl   the audit log ({@link FileAuditLog})
 * &lt;root&gt;/runs/*.json         run summaries ({@link RunRecords})
 * &lt;root&gt;/dead-letters/*.json failed records kept for retry ({@link DeadLetters})
 * &lt;root&gt;/assignment/agents.json  agents' loads and last assignments ({@link FileLedger})
 * </pre>
 *
 * <pre>{@code
 * try (DataDirectory data = DataDirectory.openForWriting(root, "run", Duration.ofSeconds(30),
 *         Clock.systemUTC())) {
 *     data.notices().forEach(err::println);   // stale lock taken over, migration done
 *     data.tickets().save(ticket);
 *     data.audit().append(entry);
 * }
 * }</pre>
 *
 * <p>Opening refuses a directory of a newer format than this program understands. Opening for
 * writing refuses a folder that is not a data directory ({@link DataFolder}: not empty, no
 * {@code format-version}, entries a data directory never has) before it writes anything, takes
 * the lock, removes what an interrupted run left ({@link Leftovers}: temporary
 * files, an unfinished audit line, restore staging directories), creates a new directory's
 * layout, and migrates an older format after writing a backup of it to
 * {@code <root>.migration-backups/}. Opening for reading takes no lock
 * and changes nothing; version 0 is readable as it is.
 */
public final class DataDirectory implements Storage {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);

    private final Path root;
    private final FileStore tickets;
    private final FileAuditLog audit;
    private final DataDirectoryLock lock;
    private final java.util.List<String> notices;
    private FileLedger ledger;
    private volatile boolean closed;

    private DataDirectory(Path root, Clock clock, DataDirectoryLock lock,
            java.util.List<String> notices) {
        this.root = root;
        this.tickets = new FileStore(root);
        this.audit = new FileAuditLog(root, clock);
        this.lock = lock;
        this.notices = java.util.List.copyOf(notices);
    }

    /**
     * Opens a data directory for writing: takes its lock (waiting up to {@code wait}), creates or
     * migrates it as needed; a migration first writes a backup with the installed
     * {@link MigrationBackup}.
     *
     * @throws TriageException with {@link ErrorCode#LOCKED} when another process holds the lock,
     *     {@link ErrorCode#STORE_FAILED} when the folder is not a data directory, the format is
     *     newer or migration fails
     */
    public static DataDirectory openForWriting(Path root, String command, Duration wait,
            Clock clock) {
        Objects.requireNonNull(root, "root");
        // before the lock: a folder that is not a data directory gets no lock file either
        DataFolder.refuseForeign(root);
        DataDirectoryLock lock = DataDirectoryLock.acquire(root, command, wait, clock);
        java.util.List<String> notices = new java.util.ArrayList<>();
        lock.tookOverFrom().ifPresent(h -> notices.add("took over a stale lock left by "
                + h.describe()));
        try {
            Optional<Integer> version = FormatVersion.read(root);
            version.ifPresent(v -> FormatVersion.checkReadable(root, v));
            Leftovers.remove(root).forEach(l -> notices.add(l.removed()));
            if (version.isEmpty()) {
                // the version file first: a copy taken meanwhile is then never mistaken for
                // a directory of format 0 that needs migrating
                FormatVersion.write(root, FormatVersion.CURRENT);
                Files.createDirectories(root.resolve(FileStore.TICKETS));
                Files.createDirectories(root.resolve(FileAuditLog.AUDIT));
            } else if (version.get() != FormatVersion.CURRENT) {
                Path backups = root.resolveSibling(root.getFileName() + ".migration-backups");
                Path written = MigrationBackup.installed().write(root, backups, clock);
                Migrations.run(root, version.get());
                notices.add("migrated data directory " + root + " from format version "
                        + version.get() + " to " + FormatVersion.CURRENT + " after a backup to "
                        + written);
            }
            LOG.info("opened data directory {} for writing by '{}'{}", root, command,
                    notices.isEmpty() ? "" : ": " + String.join("; ", notices));
            return new DataDirectory(root, clock, lock, notices);
        } catch (IOException | RuntimeException e) {
            lock.close();
            if (e instanceof TriageException te) {
                throw te;
            }
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "cannot prepare data directory " + root + ": " + e, e);
        }
    }

    /**
     * Opens a data directory for reading, without the lock; changes nothing.
     *
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} when the format is newer
     */
    public static DataDirectory openForReading(Path root, Clock clock) {
        Objects.requireNonNull(root, "root");
        DataLinks.refuse(root);
        FormatVersion.read(root).ifPresent(v -> FormatVersion.checkReadable(root, v));
        LOG.debug("opened data directory {} for reading", root);
        return new DataDirectory(root, clock, null, java.util.List.of());
    }

    /** Returns the directory. */
    public Path root() {
        return root;
    }

    /** Returns the ticket store. */
    @Override
    public FileStore tickets() {
        return tickets;
    }

    /** Returns the audit log (append only when open for writing). */
    @Override
    public FileAuditLog audit() {
        return audit;
    }

    /**
     * Returns the agent ledger, kept in {@code assignment/agents.json}; written only while
     * this directory is open for writing (its lock held).
     */
    @Override
    public synchronized FileLedger agentLedger() {
        if (ledger == null) {
            // written only while this directory holds its lock: not before, not after close
            ledger = new FileLedger(root, tickets, () -> lock != null && !closed);
        }
        return ledger;
    }

    /** Returns the run records. */
    @Override
    public RunRecords runs() {
        return new RunRecords(root);
    }

    /** Returns the dead-letter store. */
    @Override
    public DeadLetters deadLetters() {
        return new DeadLetters(root);
    }

    /** Returns the configuration recorded in {@value RecordedConfig#FILE}, or empty. */
    @Override
    public Optional<RecordedConfig> recordedConfig() {
        return RecordedConfig.read(root);
    }

    /** Records the configuration in {@value RecordedConfig#FILE}, atomically. */
    @Override
    public void recordConfig(RecordedConfig config) {
        java.util.Objects.requireNonNull(config, "config");
        if (lock().isEmpty()) {
            throw new IllegalStateException("data directory " + root + " is open for reading "
                    + "only; recording its configuration needs it open for writing");
        }
        config.write(root);
    }

    /** Names the data directory: its path. */
    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public boolean readOnly() {
        return lock == null;
    }

    @Override
    public Optional<Path> runRecordDirectory() {
        return lock == null ? Optional.empty() : Optional.of(root.resolve(RunRecords.DIRECTORY));
    }

    /** Returns the lock, when open for writing. */
    public Optional<DataDirectoryLock> lock() {
        return Optional.ofNullable(lock);
    }

    /** Returns what opening did that the user should hear of (stale lock, migration). */
    @Override
    public java.util.List<String> notices() {
        return notices;
    }

    /** Writes the agent ledger if it changed, closes the audit log and releases the lock. */
    @Override
    public void close() {
        try {
            FileLedger l;
            synchronized (this) {
                l = ledger;
            }
            if (l != null) {
                l.flush();
            }
        } catch (TriageException e) {
            // the tickets are saved; the next writer catches the ledger up from them
            LOG.warn("the agent ledger of {} was not written: {}", root, e.getMessage());
        }
        closed = true;
        try {
            audit.close();
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    /**
     * Writes the backup of a data directory that a migration is about to change. The archives
     * ({@code org.helpdesktriage.store.archive}) provide it as a {@link ServiceLoader} service,
     * since they depend on this package and not the other way round.
     */
    @FunctionalInterface
    public interface MigrationBackup {

        /** Writes a backup of {@code root} into {@code backups} and returns the archive. */
        Path write(Path root, Path backups, Clock clock);

        /**
         * Returns the installed backup: the first {@code MigrationBackup} service.
         *
         * @throws IllegalStateException when none is installed (the jar is incomplete)
         */
        static MigrationBackup installed() {
            return ServiceLoader.load(MigrationBackup.class,
                    MigrationBackup.class.getClassLoader()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no "
                            + MigrationBackup.class.getName() + " service is installed, so a "
                            + "data directory cannot be backed up before it is migrated"));
        }
    }
}
