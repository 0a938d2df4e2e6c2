package org.helpdesktriage.core.store;

import java.util.List;
import java.util.Objects;

/** The audit log that records nothing. */
enum NoopAuditLog implements AuditLog {
    INSTANCE;

    @Override
    public void append(AuditLog.Entry entry) {
        Objects.requireNonNull(entry, "entry");
    }

    @Override
    public List<AuditLog.Entry> query(AuditLog.Query query) {
        Objects.requireNonNull(query, "query");
        return List.of();
    }
}
