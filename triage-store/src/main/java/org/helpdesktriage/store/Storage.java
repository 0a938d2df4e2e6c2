package org.helpdesktriage.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.assign.AgentLedger;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.core.store.TicketStore;
import org.helpdesktriage.store.file.DataDirectory;

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
     * Returns where agents' loads and last assignments are kept between runs, for the storing
     * step ({@code StoringStep.Builder.agentLedger}) and the assignment commands; the same
     * ledger on every call. By default one that reads them from the tickets when first opened
     * and keeps them in memory ({@link AgentLedger#over}); the data directory keeps a file of
     * them, the PostgreSQL store reads loads from its tickets table under a lock of its own.
     */
    default AgentLedger agentLedger() {
        return AgentLedger.over(tickets());
    }

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
        Objects.requireNonNull(config, "config");
    }

    /**
     * Returns whether the store is open for reading only (a data directory opened without its
     * lock); a run writes and needs it open for writing.
     */
    default boolean readOnly() {
        return false;
    }

    /**
     * Returns the directory whose files are the run records, where a run sets aside room for its
     * record before it starts, or empty where records are not files (rows, a dry run's memory)
     * or the store is open for reading only.
     */
    default Optional<Path> runRecordDirectory() {
        return Optional.empty();
    }

    /**
     * Deletes a ticket and records the deletion in the audit log: its status and title, or,
     * when its file cannot be read, that it was unreadable (deleting it is the operator's fix).
     * Writes nothing and returns false when the store holds no ticket {@code id}.
     *
     * @param actor who deletes, as the audit entry names them
     * @param at when, as the audit entry says
     */
    default boolean deleteTicket(String id, String actor, Instant at) {
        Objects.requireNonNull(id, "id");
        Map<String, AuditLog.Entry.Change> changes = new LinkedHashMap<>();
        Optional<Ticket> before;
        try {
            before = tickets().get(id);
        } catch (TriageException unreadable) {
            before = Optional.empty();
            changes.put("file", new AuditLog.Entry.Change("unreadable", null));
        }
        before.ifPresent(t -> {
            changes.put("status", new AuditLog.Entry.Change(t.status().id(), null));
            changes.put("title", new AuditLog.Entry.Change(t.title(), null));
        });
        if (!tickets().delete(id)) {
            return false;
        }
        audit().append(new AuditLog.Entry(at, actor, "delete", id, changes, null));
        return true;
    }

    /** Returns what opening did that the user should hear of (a stale lock, a migration). */
    List<String> notices();

    /** Names the store for messages: a directory, or "database d on host:port". */
    String describe();

    /** Releases the lock and whatever else is open. */
    @Override
    void close();
}
