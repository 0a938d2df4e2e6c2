package org.helpdesktriage.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.helpdesktriage.core.assign.AgentLedger;
import org.helpdesktriage.core.assign.Assignment;
import org.helpdesktriage.core.assign.AssignmentStrategy;
import org.helpdesktriage.core.config.TriageConfig;
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
            null, null);

    private final TicketStore store;
    private final AuditLog audit;
    private final TriageSla sla;
    private final String actor;
    private final String runId;
    private final Clock clock;
    private final String fingerprint;
    private final Assigning assigning;

    private StoringStep(TicketStore store, AuditLog audit, TriageSla sla, String actor,
            String runId, Clock clock, String fingerprint, Assigning assigning) {
        this.store = store;
        this.audit = audit;
        this.sla = sla;
        this.actor = actor;
        this.runId = runId;
        this.clock = clock;
        this.fingerprint = fingerprint;
        this.assigning = assigning;
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
     * Returns whether this step assigns tickets to agents (the configuration has a roster).
     * Such a step must be handed the outcomes in input order, so that each ticket sees the
     * assignments before it: {@link BatchTriage} does.
     */
    public boolean assigns() {
        return assigning != null;
    }

    /** Returns what assignment did so far, or empty when this step assigns nobody. */
    public Optional<Assignment.Counts> assignmentStats() {
        return Optional.ofNullable(assigning).map(Assigning::stats);
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
        if ((store == null && assigning == null)
                || !(outcome instanceof TriageOutcome.Triaged t)) {
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
        if (store == null && assigning == null) {
            return result;
        }
        if (store == null) {
            return ((TriageOutcome.Triaged) assigning.assignAll(List.of(
                    new TriageOutcome.Triaged(result, arriving))).get(0)).result();
        }
        try (AgentLedger.Board board = assigning == null ? null : assigning.open()) {
            List<String> problems = new ArrayList<>(0);
            Ticket previous = read(arriving.ticketId(), problems);
            Update u = update(arriving, previous, result.withNotes(problems), board);
            if (u.entry() != null) {
                store.save(u.ticket());
                audit.append(u.entry());
                if (u.assignEntry() != null) {
                    audit.append(u.assignEntry());
                }
            }
            if (board != null) {
                board.commit();
            }
            return u.result();
        }
    }

    /**
     * Stores the triaged outcomes of a list and returns the list in order, each triaged one
     * reporting its ticket as stored. A store that saves in chunks gets them in one call
     * ({@link TicketStore#saveAll}), a ticket that appears twice merged into its first
     * appearance; any other store gets them one by one.
     */
    public List<TriageOutcome> saveAll(List<TriageOutcome> outcomes) {
        Objects.requireNonNull(outcomes, "outcomes");
        if (store == null && assigning == null) {
            return outcomes;
        }
        if (store == null) {
            return assigning.assignAll(outcomes);
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
        List<TriageResult> done;
        try (AgentLedger.Board board = assigning == null ? null : assigning.open()) {
            done = writeChunk(arriving, results, board);
            if (board != null) {
                board.commit();
            }
        }
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
    private List<TriageResult> writeChunk(List<Ticket> arriving, List<TriageResult> results,
            AgentLedger.Board board) {
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
        List<AuditLog.Entry> assignEntries = new ArrayList<>();
        List<TriageResult> done = new ArrayList<>(results.size());
        Map<String, Ticket> seen = new HashMap<>();
        for (int i = 0; i < arriving.size(); i++) {
            Ticket in = arriving.get(i);
            List<String> problems = new ArrayList<>(0);
            Ticket previous = seen.containsKey(in.ticketId()) ? seen.get(in.ticketId())
                    : latest != null ? latest.get(in.ticketId())
                    : read(in.ticketId(), problems);
            Update u = update(in, previous, results.get(i).withNotes(problems), board);
            seen.put(in.ticketId(), u.ticket());
            if (u.entry() != null) {
                tickets.add(u.ticket());
                entries.add(u.entry());
                if (u.assignEntry() != null) {
                    assignEntries.add(u.assignEntry());
                }
            }
            done.add(u.result());
        }
        if (!tickets.isEmpty()) {
            // entry i is ticket i's; the assignments' entries follow the triage entries
            entries.addAll(assignEntries);
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
     * @param assignEntry the audit entry of an assignment made, or {@code null}
     */
    private record Update(Ticket ticket, AuditLog.Entry entry, TriageResult result,
            AuditLog.Entry assignEntry) {
    }

    /**
     * Returns what to store for a result, given the ticket the store holds ({@code null} for a
     * ticket seen for the first time). The audit entry of a first import compares with the record
     * as it arrived; of a re-import, with the stored ticket.
     */
    private Update update(Ticket arriving, Ticket previous, TriageResult result,
            AgentLedger.Board board) {
        Ticket merged = previous == null ? ReimportMerge.first(arriving, result.ticket())
                : ReimportMerge.merge(previous, arriving, result.ticket());
        TriageResult reported = result.withTicket(merged);
        Ticket after = merged;
        if (sla != null && result.sla() != null) {
            TriageSla.Saved saved = sla.track(previous, reported, clock.instant());
            after = saved.ticket();
            reported = saved.result();
        }
        AuditLog.Entry assignEntry = null;
        if (board != null) {
            Assigning.Assigned a = assigning.assign(arriving, after, previous, reported, board);
            after = a.result().ticket();
            reported = a.result();
            if (a.made()) {
                assignEntry = new AuditLog.Entry(after.updatedAt(), actor, "assign",
                        after.ticketId(), Map.of("assignee", new AuditLog.Entry.Change(null,
                                AgentLedger.assigneeOf(after))), runId);
            }
        }
        if (previous != null && ReimportMerge.unchanged(previous, after)) {
            return new Update(previous, null, reported.withTicket(previous), null);
        }
        Map<String, AuditLog.Entry.Change> changes = previous == null
                ? TicketChanges.between(arriving, after) : ReimportMerge.changes(previous, after);
        return new Update(after, new AuditLog.Entry(after.updatedAt(), actor, "triage",
                after.ticketId(), changes, runId), reported, assignEntry);
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

    /** Builds a {@link StoringStep}; only the store is required. */
    public static final class Builder {
        private final TriageEngine engine;
        private TicketStore store;
        private AuditLog audit = AuditLog.noop();
        private String actor = "helpdesk-triage";
        private String runId;
        private AgentLedger ledger;
        private final Map<String, AssignmentStrategy> strategies = new HashMap<>();

        private Builder(TriageEngine engine) {
            this.engine = engine;
        }

        /**
         * Sets where agents' loads and last assignments are kept between runs (default: read from
         * the store's tickets when first needed, {@link AgentLedger#over}, or nothing without a
         * store). The file and PostgreSQL stores offer ledgers of their own, which several
         * processes can share. Used only when the configuration has agents.
         */
        public Builder agentLedger(AgentLedger value) {
            this.ledger = Objects.requireNonNull(value, "agentLedger");
            return this;
        }

        /**
         * Gives {@code team}'s tickets out by {@code strategy}, whatever the configuration names
         * for it (reported as strategy {@code custom}).
         */
        public Builder assignmentStrategy(String team, AssignmentStrategy strategy) {
            strategies.put(Objects.requireNonNull(team, "team"),
                    Objects.requireNonNull(strategy, "strategy"));
            return this;
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
         * Returns the step. Without a store, a configuration with agents gives a step that only
         * assigns (loads counted within the run).
         *
         * @throws IllegalStateException when no store was set and the configuration has no
         *     agents: a step without either would do nothing ({@link StoringStep#none()} says so
         *     on purpose)
         */
        public StoringStep build() {
            TriageConfig config = engine.config();
            if (store == null && !config.assignment().enabled()) {
                throw new IllegalStateException("a storing step needs a store; set store(...),"
                        + " or use StoringStep.none() to store nothing");
            }
            Assigning assigning = Assigning.of(engine, store, ledger, strategies);
            return new StoringStep(store, audit, store == null ? null
                    : TriageSla.of(config, engine.rules()), actor, runId, engine.clock(),
                    engine.fingerprint(), assigning);
        }
    }
}
