package org.helpdesktriage.core.internal.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;

/** Computes what changed between two versions of a ticket, for audit entries. */
public final class TicketChanges {

    private TicketChanges() {
    }

    /**
     * Returns the fields whose values differ between {@code before} and {@code after}, in field
     * order, as text; {@code before} may be {@code null} for a ticket seen for the first time.
     */
    public static Map<String, AuditLog.Entry.Change> between(Ticket before, Ticket after) {
        Objects.requireNonNull(after, "after");
        Map<String, AuditLog.Entry.Change> changes = new LinkedHashMap<>();
        add(changes, "category", before == null ? null : before.category(), after.category());
        add(changes, "priority", before == null ? null : before.priority().id(),
                after.priority().id());
        add(changes, "status", before == null ? null : before.status().id(), after.status().id());
        add(changes, "assigned_to", before == null ? null : before.assignedTo(),
                after.assignedTo());
        add(changes, "tags", before == null ? null : String.join(",", before.tags()),
                String.join(",", after.tags()));
        add(changes, "score", before == null || before.score() == null ? null
                : before.score().toString(), after.score() == null ? null
                : after.score().toString());
        return changes;
    }

    private static void add(Map<String, AuditLog.Entry.Change> changes, String field, String from,
            String to) {
        if (!Objects.equals(from, to)) {
            changes.put(field, new AuditLog.Entry.Change(from, to));
        }
    }
}
