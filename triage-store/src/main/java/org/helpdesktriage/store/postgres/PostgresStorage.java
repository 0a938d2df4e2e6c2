package org.helpdesktriage.store.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.helpdesktriage.store.RecordedConfig;
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

    /** Returns the configuration recorded in the {@code configuration} table, or empty. */
    @Override
    public Optional<RecordedConfig> recordedConfig() {
        return Transactions.run(db, "cannot read the recorded configuration", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT path, fingerprint, "
                    + "recorded_at FROM configuration WHERE id = 1");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new RecordedConfig(rs.getString(1),
                        rs.getString(2), rs.getTimestamp(3).toInstant())) : Optional.empty();
            }
        });
    }

    /** Records the configuration in the {@code configuration} table, replacing its row. */
    @Override
    public void recordConfig(RecordedConfig config) {
        java.util.Objects.requireNonNull(config, "config");
        Transactions.run(db, "cannot record the configuration", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO configuration (id, "
                    + "path, fingerprint, recorded_at) VALUES (1, ?, ?, ?) ON CONFLICT (id) "
                    + "DO UPDATE SET path = EXCLUDED.path, fingerprint = EXCLUDED.fingerprint, "
                    + "recorded_at = EXCLUDED.recorded_at")) {
                ps.setString(1, config.path());
                ps.setString(2, config.fingerprint());
                ps.setTimestamp(3, java.sql.Timestamp.from(config.recordedAt()));
                ps.executeUpdate();
            }
            return null;
        });
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
    public org.helpdesktriage.core.assign.AgentLedger agentLedger() {
        return db.agentLedger();
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
