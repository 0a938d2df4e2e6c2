package org.helpdesktriage.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.helpdesktriage.core.internal.store.TicketChanges;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.sla.Sla;
import org.helpdesktriage.core.store.AuditLog;

/**
 * Merges a re-imported record into the ticket the store already holds: a re-import is an
 * update, not a replacement. What the source states replaces the stored value; what triage (or
 * an escalation) decided earlier stays unless the source itself changed that field since the
 * last import, or the new decision raises the priority.
 *
 * <ul>
 *   <li>title, description, requester_email, created_at and the metadata keys the record
 *       carries: the source's;
 *   <li>priority: the higher of the stored and the new decision (never drops);
 *   <li>status: the stored one, unless the source states a different status than it did last
 *       time and the stored status may move to it;
 *   <li>category and assigned_to: the stored ones, unless the source changed them (or the
 *       category) since the last import, or the new decision raises the priority;
 *   <li>tags: the stored ones, then the new decision's not yet among them;
 *   <li>score: the new decision's when its priority is the merged one, else the stored one;
 *   <li>metadata kept by the store ({@code sla}, {@code escalated_at}, ...): the stored values;
 *   <li>updated_at: the stored one when nothing else changed, else the time of the import.
 * </ul>
 *
 * <p>What the source stated is kept on the stored ticket under the metadata key
 * {@value #METADATA_KEY}, so that the next import can tell a field the source changed from one
 * it repeats.
 */
final class ReimportMerge {

    /** The metadata key under which a stored ticket keeps what its source last stated. */
    static final String METADATA_KEY = "source_stated";

    private ReimportMerge() {
    }

    /**
     * Returns the ticket to store for a record seen for the first time: the decision, with what
     * the source stated recorded.
     */
    static Ticket first(Ticket arriving, Ticket decided) {
        Map<String, Object> metadata = new LinkedHashMap<>(decided.metadata());
        metadata.put(METADATA_KEY, stated(arriving));
        return copy(decided, decided.category(), decided.priority(), decided.status(),
                decided.assignedTo(), decided.tags(), decided.score(), metadata,
                decided.updatedAt());
    }

    /**
     * Returns the stored ticket updated by a re-import.
     *
     * @param stored the ticket as the store holds it
     * @param arriving the record's ticket, normalised, before triage
     * @param decided the triage of {@code arriving}; its {@code updated_at} is the import's time
     */
    static Ticket merge(Ticket stored, Ticket arriving, Ticket decided) {
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(arriving, "arriving");
        Objects.requireNonNull(decided, "decided");
        Map<String, Object> last = lastStated(stored);
        Map<String, Object> now = stated(arriving);
        boolean raises = decided.priority().compareTo(stored.priority()) > 0;
        Priority priority = raises ? decided.priority() : stored.priority();
        Status status = stored.status();
        if (changed(last, now, "status", stored.status().id())
                && decided.status() != stored.status()
                && stored.status().canMoveTo(decided.status())) {
            status = decided.status();
        }
        boolean categoryChanged = changed(last, now, "category", stored.category());
        String category = categoryChanged || raises ? decided.category() : stored.category();
        String assignee = categoryChanged || raises
                || changed(last, now, "assigned_to", stored.assignedTo())
                ? decided.assignedTo() : stored.assignedTo();
        LinkedHashSet<String> tags = new LinkedHashSet<>(stored.tags());
        tags.addAll(decided.tags());
        Double score = priority == decided.priority() ? decided.score() : stored.score();
        Map<String, Object> metadata = new LinkedHashMap<>(stored.metadata());
        decided.metadata().forEach((key, value) -> {
            if (!key.equals(Sla.Stored.METADATA_KEY)) {
                metadata.put(key, value);
            }
        });
        metadata.put(METADATA_KEY, now);
        Ticket merged = new Ticket(stored.ticketId(), decided.title(), decided.description(),
                decided.requesterEmail(), category, priority, status, decided.createdAt(),
                decided.updatedAt(), assignee, new ArrayList<>(tags), metadata, score);
        return unchanged(stored, merged) ? stored : merged;
    }

    /**
     * Returns whether {@code after} holds nothing new over {@code stored}: equal but for
     * {@code updated_at} and the SLA the store recomputes ({@code metadata.sla}).
     */
    static boolean unchanged(Ticket stored, Ticket after) {
        return changes(stored, after).isEmpty()
                && withoutSla(stored.metadata()).equals(withoutSla(after.metadata()));
    }

    /**
     * Returns the audit changes of a re-import: every ticket field that differs, and every
     * metadata key the source changed ({@code metadata.KEY}), old being the stored value.
     */
    static Map<String, AuditLog.Entry.Change> changes(Ticket stored, Ticket after) {
        Map<String, AuditLog.Entry.Change> changes = new LinkedHashMap<>(
                TicketChanges.between(stored, after));
        add(changes, "title", stored.title(), after.title());
        add(changes, "description", stored.description(), after.description());
        add(changes, "requester_email", stored.requesterEmail(), after.requesterEmail());
        add(changes, "created_at", stored.createdAt().toString(), after.createdAt().toString());
        after.metadata().forEach((key, value) -> {
            if (!key.equals(Sla.Stored.METADATA_KEY) && !key.equals(METADATA_KEY)) {
                Object old = stored.metadata().get(key);
                add(changes, "metadata." + key, old == null ? null : String.valueOf(old),
                        value == null ? null : String.valueOf(value));
            }
        });
        return changes;
    }

    private static void add(Map<String, AuditLog.Entry.Change> changes, String field, String from,
            String to) {
        if (!Objects.equals(from, to)) {
            changes.put(field, new AuditLog.Entry.Change(from, to));
        }
    }

    // what the source stated of the fields triage also decides; absent values stay out
    private static Map<String, Object> stated(Ticket arriving) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", arriving.status().id());
        m.put("priority", arriving.priority().id());
        m.put("category", arriving.category());
        if (arriving.assignedTo() != null) {
            m.put("assigned_to", arriving.assignedTo());
        }
        return m;
    }

    private static Map<String, Object> lastStated(Ticket stored) {
        return stored.metadata().get(METADATA_KEY) instanceof Map<?, ?> m
                ? copyOf(m) : null;
    }

    private static Map<String, Object> copyOf(Map<?, ?> m) {
        Map<String, Object> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    /**
     * Returns whether the source changed {@code field}: it states another value than at the
     * last import. For a ticket stored before sources were recorded, only a status other than
     * {@code new} (which says nothing happened yet) and other than the stored one counts.
     */
    private static boolean changed(Map<String, Object> last, Map<String, Object> now,
            String field, String storedValue) {
        Object value = now.get(field);
        if (last != null) {
            return !Objects.equals(last.get(field), value);
        }
        return field.equals("status") && !Status.NEW.id().equals(value)
                && !Objects.equals(storedValue, value);
    }

    private static Map<String, Object> withoutSla(Map<String, Object> metadata) {
        Map<String, Object> m = new LinkedHashMap<>(metadata);
        m.remove(Sla.Stored.METADATA_KEY);
        return m;
    }

    private static Ticket copy(Ticket t, String category, Priority priority, Status status,
            String assignee, List<String> tags, Double score, Map<String, Object> metadata,
            java.time.Instant updatedAt) {
        return new Ticket(t.ticketId(), t.title(), t.description(), t.requesterEmail(), category,
                priority, status, t.createdAt(), updatedAt, assignee, tags, metadata, score);
    }
}
