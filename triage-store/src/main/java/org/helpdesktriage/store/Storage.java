package org.helpdesktriage.store;

import java.util.List;
import java.util.Optional;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.core.store.TicketStore;

/**
 * An open store with everything the commands work on: tickets, audit log, run records and dead
 * letters, opened under the store's lock when writing. The data directory
 * ({@link DataDirectory}) is one; the PostgreSQL store
 * ({@code org.helpdesktriage.store.postgres.PostgresStorage}) is the other.
 *
 * <pre>{@code
 * try (Storage storage = DataDirectory.openForWriting(root, "triage", wait, clock)) {
 *     storage.tickets().save(ticket);
 * }
 * }</pre>
 */
public interface Storage extends AutoCloseable {

    /** Returns the tickets. */
    TicketStore tickets();

    /** Returns the audit log. */
    AuditLog audit();

    /** Returns the run records. */
    RunLog runs();

    /** Returns the dead letters. */
    DeadLetterLog deadLetters();

    /**
     * Returns the configuration recorded as the last to triage into this store, or empty when
     * none is recorded (or the store keeps none: a dry run's).
     */
    default Optional<RecordedConfig> recordedConfig() {
        return Optional.empty();
    }

    /**
     * Records the configuration that triages into this store, replacing the one recorded;
     * writers hold the lock. By default (a dry run) nothing is kept.
     */
    default void recordConfig(RecordedConfig config) {
        java.util.Objects.requireNonNull(config, "config");
    }

    /** Returns what opening did that the user should hear of (a stale lock, a migration). */
    List<String> notices();

    /** Names the store for messages: a directory, or "database d on host:port". */
    String describe();

    /** Releases the lock and whatever else is open. */
    @Override
    void close();
}
