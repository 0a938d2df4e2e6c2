package org.helpdesktriage.core.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Records who did what to which ticket, and answers questions about it.
 *
 * <p>The data directory keeps a file-backed log ({@code org.helpdesktriage.store.FileAuditLog});
 * {@link #noop()} records nothing, for runs without a data directory.
 */
public interface AuditLog {

    /** Appends an entry; when this returns, the entry is durable (for a durable log). */
    void append(AuditEntry entry);

    /** Returns the entries that match the query, oldest first. */
    List<AuditEntry> query(AuditQuery query);

    /** Returns a log that records nothing and finds nothing. */
    static AuditLog noop() {
        return NoopAuditLog.INSTANCE;
    }

    /** Returns a thread-safe log kept in memory, for tests and short-lived engines. */
    static AuditLog memory() {
        return new AuditLog() {
            private final List<AuditEntry> entries = new ArrayList<>();

            @Override
            public synchronized void append(AuditEntry entry) {
                entries.add(java.util.Objects.requireNonNull(entry, "entry"));
            }

            @Override
            public synchronized List<AuditEntry> query(AuditQuery query) {
                return query.select(entries);
            }
        };
    }
}
