package org.helpdesktriage.store.provider;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.store.StoreScan.CorruptRecord;
import org.helpdesktriage.store.HealthCheck;
import org.helpdesktriage.store.RestorePlan;
import org.helpdesktriage.store.RestoreResult;
import org.helpdesktriage.store.Storage;
import org.helpdesktriage.store.archive.ArchiveLimits;
import org.helpdesktriage.store.archive.Backup;
import org.helpdesktriage.store.archive.Restore;
import org.helpdesktriage.store.file.DataDirectory;
import org.helpdesktriage.store.file.DataDirectoryLock;
import org.helpdesktriage.store.file.DataFolder;
import org.helpdesktriage.store.file.Leftovers;
import org.helpdesktriage.store.file.StoreHealth;
import org.helpdesktriage.store.postgres.PostgresBackup;
import org.helpdesktriage.store.postgres.PostgresDatabase;
import org.helpdesktriage.store.postgres.PostgresHealth;
import org.helpdesktriage.store.postgres.PostgresSettings;
import org.helpdesktriage.store.postgres.PostgresStorage;

/**
 * The front door to the store the configuration names: the data directory or the PostgreSQL
 * database. It opens it and offers what operators do with it (backup, restore, health, the
 * lock), so that no caller names a store class.
 *
 * <pre>{@code
 * StorageProvider provider = StorageProvider.of(StoreSettings.from(config), System.getenv(),
 *         Duration.ofSeconds(30), Clock.systemUTC());
 * try (Storage storage = provider.openForWriting("import", false, 1)) {
 *     storage.tickets().save(ticket);
 * }
 * Path archive = provider.backup(Path.of("backups"), listener).archive();
 * }</pre>
 */
public final class StorageProvider {

    private final StoreSettings settings;
    private final Map<String, String> environment;
    private final Duration wait;
    private final Clock clock;

    private StorageProvider(StoreSettings settings, Map<String, String> environment,
            Duration wait, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.wait = Objects.requireNonNull(wait, "wait");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns the provider of the store {@code settings} name. Nothing is opened yet.
     *
     * @param environment where the PostgreSQL store's user and password are read from
     *     ({@code HELPDESK_DB_USER}, {@code HELPDESK_DB_PASSWORD})
     * @param wait how long to wait for another process's lock
     * @param clock the clock of every time written
     */
    public static StorageProvider of(StoreSettings settings, Map<String, String> environment,
            Duration wait, Clock clock) {
        return new StorageProvider(settings, environment, wait, clock);
    }

    /** Returns the settings. */
    public StoreSettings settings() {
        return settings;
    }

    /** Returns whether the store is the PostgreSQL database, not a data directory. */
    public boolean database() {
        return settings.database();
    }

    /**
     * Names the store for messages: the data directory, or "database d on host:port".
     *
     * @throws org.helpdesktriage.core.error.TriageException when the PostgreSQL store has no URL
     */
    public String describe() {
        return database() ? postgres().describe() : settings.path().toString();
    }

    private PostgresSettings postgres() {
        return PostgresSettings.of(settings.url(), settings.passwordFile(), environment);
    }

    /** Opens the store for reading, without its lock; changes nothing. */
    public Storage openForReading() {
        return database() ? PostgresStorage.openForReading(postgres())
                : DataDirectory.openForReading(settings.path(), clock);
    }

    /**
     * Opens the store for writing, under its lock: the data directory (created, or migrated
     * after a backup, as needed), or the database with {@code poolSize} connections and its
     * advisory lock, exclusive or shared.
     *
     * @param command what writes, as the lock names it ("triage")
     * @param exclusive for the database: the exclusive lock (cleanup, restore) rather than the
     *     shared one of runs; a data directory's lock is always exclusive
     */
    public Storage openForWriting(String command, boolean exclusive, int poolSize) {
        if (database()) {
            return PostgresStorage.openForWriting(postgres(), poolSize, command, exclusive, wait,
                    clock);
        }
        return DataDirectory.openForWriting(settings.path(), command, wait, clock);
    }

    /**
     * Writes a verified backup archive into {@code outDir}: of the data directory under its
     * lock, refused when a ticket file cannot be read; or of the database in one consistent
     * snapshot, while runs go on.
     */
    public BackupResult backup(Path outDir, Listener listener) {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(listener, "listener");
        if (database()) {
            try (PostgresStorage data = PostgresStorage.openForReading(postgres())) {
                return new BackupResult(PostgresBackup.create(data.database(), outDir, clock),
                        data.describe(), Optional.empty());
            }
        }
        try (DataDirectory data = DataDirectory.openForWriting(settings.path(), "backup", wait,
                clock)) {
            data.notices().forEach(listener::notice);
            int tickets = data.tickets().scan().count();
            int auditFiles = data.audit().files().size();
            int runs = data.runs().count();
            List<CorruptRecord> badRuns = data.runs().problems();
            Path archive = Backup.create(settings.path(), outDir, clock, listener::notice);
            badRuns.forEach(c -> listener.report("warning: run record " + c.location()
                    + " cannot be read (" + c.problem() + "); it is in the backup as it is"));
            Backup.removeLeftovers(settings.path(), outDir).forEach(p -> listener.notice(
                    "removed " + p + ", left by a backup that was interrupted"));
            return new BackupResult(archive, data.describe(), Optional.of(tickets
                    + " ticket(s), " + auditFiles + " audit file(s), " + runs
                    + " run record(s)"));
        }
    }

    /**
     * Replaces the store with an archive, all or nothing, after verifying it whole: the data
     * directory under its lock alone (opening it would migrate or create what is replaced),
     * keeping the previous one beside it; or the database in one transaction under its
     * exclusive lock.
     */
    public RestoreResult restore(Path archive, Listener listener) {
        Objects.requireNonNull(archive, "archive");
        if (database()) {
            try (PostgresStorage data = PostgresStorage.openForWriting(postgres(), 1, "restore",
                    true, wait, clock)) {
                data.notices().forEach(listener::notice);
                return new RestoreResult(PostgresBackup.restore(data.database(), archive),
                        Optional.empty(), true, List.of());
            }
        }
        Path root = settings.path();
        // a folder that is not a data directory is neither replaced nor given a lock file
        DataFolder.refuseForeign(root);
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(root, "restore", wait, clock)) {
            lock.tookOverFrom().ifPresent(h -> listener.report("took over a stale lock left by "
                    + h.describe()));
            return Restore.run(archive, root, clock);
        }
    }

    /**
     * Checks an archive whole and compares it with the data directory, file by file, as a
     * restore would: no lock, nothing written.
     *
     * @throws UnsupportedOperationException for the PostgreSQL store, whose restore is one
     *     transaction with nothing to compare file by file (the command line refuses
     *     {@code restore --dry-run} there as a usage error before calling this)
     */
    public RestorePlan planRestore(Path archive) {
        if (database()) {
            throw new UnsupportedOperationException("a restore of the PostgreSQL store cannot "
                    + "be planned; restore into a scratch database instead");
        }
        return Restore.plan(archive, settings.path(), ArchiveLimits.defaults());
    }

    /**
     * Returns the store's health checks: for a data directory, the folder, disk space (failing
     * under {@code minFreeBytes}), format, lock, files, leftovers; for the database, the login,
     * schema, pool, locks, tickets and audit log. Takes no lock and changes nothing.
     */
    public List<HealthCheck> health(long minFreeBytes) {
        if (database()) {
            return PostgresHealth.check(postgres());
        }
        return StoreHealth.check(settings.path(), minFreeBytes);
    }

    /** Creates or upgrades the PostgreSQL store's schema and says what it did. */
    public String migrate() {
        return PostgresDatabase.migrate(postgres());
    }

    /**
     * Takes the data directory's lock for something outside this program (a tar of the
     * directory) and removes what an interrupted run left, as every writer does first. Refuses a
     * folder that is not a data directory, before it writes a lock file there.
     *
     * @param name the holder, as other processes waiting for the lock are told
     */
    public HeldLock lockDataDirectory(String name, Listener listener) {
        Path root = settings.path();
        DataFolder.refuseForeign(root);
        DataDirectoryLock lock = DataDirectoryLock.acquire(root, name, wait, clock);
        try {
            lock.tookOverFrom().ifPresent(h -> listener.report("took over a stale lock left by "
                    + h.describe()));
            Leftovers.remove(root).forEach(l -> listener.report(l.removed()));
            return lock::close;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** A lock held until closed. */
    @FunctionalInterface
    public interface HeldLock extends AutoCloseable {

        /** Releases the lock. */
        @Override
        void close();
    }

    /** Hears what an operation on the store did, line by line, for the operator. */
    public interface Listener {

        /** Hears a line of what happened on the way; an operator may silence these. */
        void notice(String line);

        /** Hears a line the operator must see: a warning, a stale lock taken over. */
        void report(String line);
    }
}
