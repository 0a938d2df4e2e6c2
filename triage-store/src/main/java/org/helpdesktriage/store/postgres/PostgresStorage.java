package org.helpdesktriage.store.postgres;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.helpdesktriage.store.Storage;

/**
 * A PostgreSQL store opened for the commands: the database, and while writing, the store's
 * advisory lock (shared for runs, exclusive for cleanup and restore).
 *
 * <pre>{@code
 * try (PostgresStorage storage = PostgresStorage.openForWriting(settings, 6, "triage", false,
 *         Duration.ofSeconds(30), clock)) {
 *     storage.tickets().save(ticket);
 * }
 * }</pre>
 */
public final class PostgresStorage implements Storage {

    private final PostgresDatabase db;
    private final StoreLock lock;

    private PostgresStorage(PostgresDatabase db, StoreLock lock) {
        this.db = db;
        this.lock = lock;
    }

    /**
     * Opens the database with a pool of {@code poolSize} connections (one more is taken for
     * the lock) and takes the advisory lock, waiting up to {@code wait}.
     *
     * @throws org.helpdesktriage.core.error.TriageException with {@code STORE_FAILED} when the
     *     database cannot be used, {@code LOCKED} naming the holders when the lock cannot be had
     */
    public static PostgresStorage openForWriting(PostgresSettings settings, int poolSize,
            String command, boolean exclusive, Duration wait, Clock clock) {
        PostgresDatabase db = PostgresDatabase.open(settings, poolSize + 1);
        try {
            return new PostgresStorage(db, db.lock(command, exclusive, wait, clock));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Opens the database for reading, without the lock. */
    public static PostgresStorage openForReading(PostgresSettings settings) {
        return new PostgresStorage(PostgresDatabase.open(settings, 2), null);
    }

    /** Returns the database. */
    public PostgresDatabase database() {
        return db;
    }

    /** Returns the lock, when open for writing. */
    public Optional<StoreLock> lock() {
        return Optional.ofNullable(lock);
    }

    @Override
    public PostgresTicketStore tickets() {
        return db.tickets();
    }

    @Override
    public PostgresAuditLog audit() {
        return db.audit();
    }

    @Override
    public PostgresRunLog runs() {
        return db.runs();
    }

    @Override
    public PostgresDeadLetters deadLetters() {
        return db.deadLetters();
    }

    @Override
    public List<String> notices() {
        return List.of();
    }

    @Override
    public String describe() {
        return db.settings().describe();
    }

    /** Releases the lock and closes the pool. */
    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.close();
            }
        } finally {
            db.close();
        }
    }
}
