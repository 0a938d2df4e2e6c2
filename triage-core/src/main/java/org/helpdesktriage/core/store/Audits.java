package org.helpdesktriage.core.store;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/** Helpers for audit log implementations. */
public final class Audits {

    private Audits() {
    }

    /**
     * Returns the entries, taken in order, that match the query, keeping only the last
     * {@code query.limit()} when it is set.
     */
    public static List<AuditEntry> select(Iterable<AuditEntry> entries, AuditQuery query) {
        Objects.requireNonNull(query, "query");
        Deque<AuditEntry> out = new ArrayDeque<>();
        for (AuditEntry e : entries) {
            if (query.test(e)) {
                out.add(e);
                if (query.limit() > 0 && out.size() > query.limit()) {
                    out.removeFirst();
                }
            }
        }
        return List.copyOf(out);
    }
}
