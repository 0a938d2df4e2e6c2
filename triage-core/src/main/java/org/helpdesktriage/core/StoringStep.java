package org.helpdesktriage.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.store.TicketChanges;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.core.store.TicketStore;

/**
 * The step after {@link TriageEngine} decides: keeps each decision in a {@link TicketStore}. It
 * merges a result into the ticket the store holds ({@link ReimportMerge}: a re-import updates,
 * it does not replace), keeps the ticket's SLA bookkeeping (pauses and escalation stages), and
 * writes the ticket with its {@link AuditLog} entry only when something changed. It is the one
 * place of the flow that reads and writes stored tickets, so the steps that need them (assigning
 * a ticket by the load of stored ones, finding the stored duplicate of an arriving ticket) will
 * plug in here, and the engine stays a pure decision.
 *
 * <pre>{@code
 * TriageEngine engine = TriageEngine.builder().config(config).build();
 * StoringStep storing = StoringStep.builder(engine).store(store).auditLog(audit).build();
 * TriageOutcome outcome = storing.save(engine.triageJson(json));
 * BatchTriage.run(engine, storing, reader, writer::write, 4);
 * }</pre>
 *
 * <p>A store that {@linkplain TicketStore#savesInChunks saves in chunks} (a database) is given a
 * whole list of outcomes in one call ({@link #saveAll}: one read with {@link TicketStore#getAll},
 * one write with {@link TicketStore#saveAll}, one transaction); {@link BatchTriage} hands it each
 * chunk. Immutable and thread-safe as far as its store and audit log are.
 */
public final class StoringStep {

    private static final StoringStep NONE = new StoringStep(null, null, null, null, null, null,
            null);

    private final TicketStore store;
    private final AuditLog audit;
    private final TriageSla sla;
    private final String actor;
    private final String runId;
    private final Clock clock;
    private final String fingerprint;

    private StoringStep(TicketStore store, AuditLog audit, TriageSla sla, String actor,
            String runId, Clock clock, String fingerprint) {
        this.store = store;
        this.audit = audit;
        this.sla = sla;
        this.actor = actor;
        this.runId = runId;
        this.clock = clock;
        this.fingerprint = fingerprint;
    }

    /**
     * Returns a builder of a step that stores what {@code engine} decides: it keeps the SLA
     * bookkeeping by the engine's configuration and reads the engine's clock.
     */
    public static Builder builder(TriageEngine engine) {
        return new Builder(Objects.requireNonNull(engine, "engine"));
    }

    /** Returns a step that stores nothing: every outcome passes through unchanged. */
    public static StoringStep none() {
        return NONE;
    }

    /** Returns whether this step stores anything ({@code false} for {@link #none()}). */
    public boolean stores() {
        return store != null;
    }

    /**
     * Returns whether this step writes a list of outcomes in one call to the store
     * ({@link TicketStore#savesInChunks}), so a batch should hand it whole chunks.
     */
    public boolean savesInChunks() {
        return store != null && store.savesInChunks();
    }

    /**
     * Returns whether this step stores the decisions of {@code engine}: one with the same
     * configuration fingerprint as the engine it was built for (or any, for {@link #none()}).
     */
    public boolean accepts(TriageEngine engine) {
        return store == null || fingerprint.equals(engine.fingerprint());
    }

    /**
     * Stores a triaged outcome at once and returns it reporting the ticket as stored; a rejected
     * outcome passes through.
     */
    public TriageOutcome save(TriageOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        if (store == null || !(outcome instanceof TriageOutcome.Triaged t)) {
            return outcome;
        }
        return new TriageOutcome.Triaged(save(t.arriving(), t.result()), t.arriving());
    }

    /**
     * Stores one result at once and returns it reporting the ticket as stored.
     *
     * @param arriving the ticket as it arrived, before triage (what a re-import merges)
     * @param result the engine's result for it
     */
    public TriageResult save(Ticket arriving, TriageResult result) {
        Objects.requireNonNull(arriving, "arriving");
        Objects.requireNonNull(result, "result");
        if (store == null) {
            return result;
        }
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
     * Stores the triaged outcomes of a list and returns the list in order, each triaged one
     * reporting its ticket as stored. A store that saves in chunks gets them in one call
     * ({@link TicketStore#saveAll}), a ticket that appears twice merged into its first
     * appearance; any other store gets them one by one.
     */
    public List<TriageOutcome> saveAll(List<TriageOutcome> outcomes) {
        Objects.requireNonNull(outcomes, "outcomes");
        if (store == null) {
            return outcomes;
        }
        if (!store.savesInChunks()) {
            return outcomes.stream().map(this::save).toList();
        }
        List<Ticket> arriving = new ArrayList<>();
        List<TriageResult> results = new ArrayList<>();
        for (TriageOutcome o : outcomes) {
            if (o instanceof TriageOutcome.Triaged t) {
                arriving.add(t.arriving());
                results.add(t.result());
            }
        }
        if (arriving.isEmpty()) {
            return outcomes;
        }
        List<TriageResult> done = writeChunk(arriving, results);
        Map<TriageResult, TriageResult> byProvisional = new IdentityHashMap<>();
        for (int i = 0; i < done.size(); i++) {
            byProvisional.put(results.get(i), done.get(i));
        }
        List<TriageOutcome> out = new ArrayList<>(outcomes.size());
        for (TriageOutcome o : outcomes) {
            out.add(o instanceof TriageOutcome.Triaged t
                    ? new TriageOutcome.Triaged(byProvisional.get(t.result()), t.arriving()) : o);
        }
        return out;
    }

    // one read and one write for the whole chunk; a ticket seen twice merges into the first
    private List<TriageResult> writeChunk(List<Ticket> arriving, List<TriageResult> results) {
        Set<String> ids = new LinkedHashSet<>();
        arriving.forEach(t -> ids.add(t.ticketId()));
        Map<String, Ticket> latest = null;
        try {
            latest = new HashMap<>(store.getAll(ids));
        } catch (TriageException e) {
            // one unreadable record must not cost the chunk: read them one by one instead
        }
        List<Ticket> tickets = new ArrayList<>();
        List<AuditLog.Entry> entries = new ArrayList<>();
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
     * What an import writes for one result.
     *
     * @param ticket the ticket to store
     * @param entry its audit entry, or {@code null} when nothing changed (nothing is written)
     * @param result the result, reporting the ticket as stored
     */
    private record Update(Ticket ticket, AuditLog.Entry entry, TriageResult result) {
    }

    /**
     * Returns what to store for a result, given the ticket the store holds ({@code null} for a
     * ticket seen for the first time). The audit entry of a first import compares with the record
     * as it arrived; of a re-import, with the stored ticket.
     */
    private Update update(Ticket arriving, Ticket previous, TriageResult result) {
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
        Map<String, AuditLog.Entry.Change> changes = previous == null
                ? TicketChanges.between(arriving, after) : ReimportMerge.changes(previous, after);
        return new Update(after, new AuditLog.Entry(after.updatedAt(), actor, "triage",
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

    /** Builds a {@link StoringStep}; only the store is required. */
    public static final class Builder {
        private final TriageEngine engine;
        private TicketStore store;
        private AuditLog audit = AuditLog.noop();
        private String actor = "helpdesk-triage";
        private String runId;

        private Builder(TriageEngine engine) {
            this.engine = engine;
        }

        /**
         * Sets the store every triaged ticket is saved to. A ticket whose id is stored is
         * updated, not replaced: what the source states replaces the stored value, what triage
         * or an escalation decided earlier stays unless the source changed it or the new
         * decision raises the priority, and a record that changes nothing writes nothing (see
         * docs/data-directory.md, "Re-import").
         */
        public Builder store(TicketStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /** Sets the audit log that stored tickets are recorded in (default: none). */
        public Builder auditLog(AuditLog value) {
            this.audit = Objects.requireNonNull(value, "auditLog");
            return this;
        }

        /** Sets who audit entries name as the actor (default: helpdesk-triage). */
        public Builder actor(String value) {
            this.actor = Objects.requireNonNull(value, "actor");
            return this;
        }

        /** Sets the run id audit entries carry (default: none). */
        public Builder runId(String value) {
            this.runId = Objects.requireNonNull(value, "runId");
            return this;
        }

        /**
         * Returns the step.
         *
         * @throws IllegalStateException when no store was set: a step without one would store
         *     nothing ({@link StoringStep#none()} says so on purpose)
         */
        public StoringStep build() {
            if (store == null) {
                throw new IllegalStateException("a storing step needs a store; set store(...),"
                        + " or use StoringStep.none() to store nothing");
            }
            return new StoringStep(store, audit, TriageSla.of(engine.config(), engine.rules()),
                    actor, runId, engine.clock(), engine.fingerprint());
        }
    }
}
