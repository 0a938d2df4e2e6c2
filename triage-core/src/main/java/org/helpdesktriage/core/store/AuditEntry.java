package org.helpdesktriage.core.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One audit record: who did what to which ticket, when, and what changed.
 *
 * @param time when it happened
 * @param actor who did it (a user name, or the program for automatic work)
 * @param action what was done ("triage", "escalate", "delete")
 * @param ticketId the ticket it was done to
 * @param changes field name to its old and new value, in order
 * @param runId the batch run it belongs to, or {@code null}
 */
public record AuditEntry(Instant time, String actor, String action, String ticketId,
        Map<String, Change> changes, String runId) {

    /** Checks the arguments and copies the changes, keeping their order. */
    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(changes, "changes");
        changes.forEach((k, v) -> Objects.requireNonNull(v, "change of " + k));
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }

    /** Returns the run id, or empty when the entry belongs to no run. */
    public Optional<String> run() {
        return Optional.ofNullable(runId);
    }

    /**
     * A field's value before and after; either may be {@code null} (field unset, or removed).
     *
     * @param from the old value as text
     * @param to the new value as text
     */
    public record Change(String from, String to) {
    }
}
