package org.helpdesktriage.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditEntry;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.core.store.TicketChanges;
import org.helpdesktriage.core.store.TicketStore;

/**
 * The store side of {@link TriageEngine}: merges each result into the ticket the store holds
 * ({@link ReimportMerge}), keeps its SLA bookkeeping ({@link TriageSla}), and writes the ticket
 * with its audit entry only when something changed. A chunk's stored tickets are read in one
 * call ({@link TicketStore#getAll}), so a database is not asked once per ticket. Immutable.
 */
final class StoredImport {

    private final TicketStore store;
    private final AuditLog audit;
    private final TriageSla sla;
    private final String actor;
    private final String runId;
    private final Clock clock;

    StoredImport(TicketStore store, AuditLog audit, TriageSla sla, String actor, String runId,
            Clock clock) {
        this.store = store;
        this.audit = audit;
        this.sla = sla;
        this.actor = actor;
        this.runId = runId;
        this.clock = clock;
    }

    /**
     * What an import writes for one result.
     *
     * @param ticket the ticket to store
     * @param entry its audit entry, or {@code null} when nothing changed (nothing is written)
     * @param result the result, reporting the ticket as stored
     */
    record Update(Ticket ticket, AuditEntry entry, TriageResult result) {
    }

    /** Saves one result at once; returns the result reporting the ticket as stored. */
    TriageResult save(Ticket arriving, TriageResult result) {
        List<String> problems = new ArrayList<>(0);
        Ticket previous = read(arriving.ticketId(), problems);
        Update u = update(arriving, previous, withNotes(result, problems));
        if (u.entry() != null) {
            store.save(u.ticket());
            audit.append(u.entry());
        }
        return u.result();
    }

    /**
     * Saves a chunk's results in one call to the store ({@link TicketStore#saveAll}); a ticket
     * that appears twice is merged into its first appearance. Returns the results in order.
     */
    List<TriageResult> saveAll(List<Ticket> arriving, List<TriageResult> results) {
        Set<String> ids = new LinkedHashSet<>();
        arriving.forEach(t -> ids.add(t.ticketId()));
        Map<String, Ticket> latest = null;
        try {
            latest = new HashMap<>(store.getAll(ids));
        } catch (TriageException e) {
            // one unreadable record must not cost the chunk: read them one by one instead
        }
        List<Ticket> tickets = new ArrayList<>();
        List<AuditEntry> entries = new ArrayList<>();
        List<TriageResult> done = new ArrayList<>(results.size());
        Map<String, Ticket> seen = new HashMap<>();
        for (int i = 0; i < arriving.size(); i++) {
            Ticket in = arriving.get(i);
            List<String> problems = new ArrayList<>(0);
            Ticket previous = seen.containsKey(in.ticketId()) ? seen.get(in.ticketId())
                    : latest != null ? latest.get(in.ticketId())
                    : read(in.ticketId(), problems);
            Update u = update(in, previous, withNotes(results.get(i), problems));
            seen.put(in.ticketId(), u.ticket());
            if (u.entry() != null) {
                tickets.add(u.ticket());
                entries.add(u.entry());
            }
            done.add(u.result());
        }
        if (!tickets.isEmpty()) {
            store.saveAll(tickets, audit, entries);
        }
        return done;
    }

    /**
     * Returns what to store for a result, given the ticket the store holds ({@code null} for a
     * ticket seen for the first time). The audit entry of a first import compares with the record
     * as it arrived; of a re-import, with the stored ticket.
     */
    Update update(Ticket arriving, Ticket previous, TriageResult result) {
        Ticket merged = previous == null ? ReimportMerge.first(arriving, result.ticket())
                : ReimportMerge.merge(previous, arriving, result.ticket());
        TriageResult reported = withTicket(result, merged);
        Ticket after = merged;
        if (sla != null && result.sla() != null) {
            TriageSla.Saved saved = sla.track(previous, reported, clock.instant());
            after = saved.ticket();
            reported = saved.result();
        }
        if (previous != null && ReimportMerge.unchanged(previous, after)) {
            return new Update(previous, null, withTicket(reported, previous));
        }
        Map<String, AuditEntry.Change> changes = previous == null
                ? TicketChanges.between(arriving, after) : ReimportMerge.changes(previous, after);
        return new Update(after, new AuditEntry(after.updatedAt(), actor, "triage",
                after.ticketId(), changes, runId), reported);
    }

    private Ticket read(String ticketId, List<String> problems) {
        try {
            return store.get(ticketId).orElse(null);
        } catch (TriageException e) {
            problems.add("the stored ticket could not be read, so the import replaces it and "
                    + "its SLA bookkeeping starts again: " + e.getMessage());
            return null;
        }
    }

    private static TriageResult withNotes(TriageResult r, List<String> more) {
        if (more.isEmpty()) {
            return r;
        }
        List<String> notes = new ArrayList<>(r.notes());
        notes.addAll(more);
        return new TriageResult(r.ticket(), r.routing(), r.score(), notes, r.explanation(),
                r.position(), r.sla(), r.configFingerprint(), r.shadow());
    }

    private static TriageResult withTicket(TriageResult r, Ticket ticket) {
        return new TriageResult(ticket, r.routing(), r.score(), r.notes(), r.explanation(),
                r.position(), r.sla(), r.configFingerprint(), r.shadow());
    }
}
