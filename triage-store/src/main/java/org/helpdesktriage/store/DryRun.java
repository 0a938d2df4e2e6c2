package org.helpdesktriage.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.core.store.TicketStore;
import org.helpdesktriage.store.file.DataDirectory;

/**
 * A store that reads another one and keeps every write in memory instead, counting what a run
 * would change: tickets stored new or updated, tickets deleted, audit entries, dead letters added,
 * failed again or removed, run records pruned. Reads see the writes made so far, so a run goes
 * exactly as it would; nothing reaches the store underneath, which should be open for reading.
 *
 * <pre>{@code
 * try (DryRun dry = DryRun.over(DataDirectory.openForReading(root, clock));
 *         RecordedRun run = RecordedRun.start(dry, "triage", clock)) {
 *     TriageEngine engine = run.engine(config).build();
 *     BatchTriage.run(engine, run.storing(engine), reader, writer::write, 4);
 *     System.out.println(dry.changes()); // {tickets_new=3, tickets_updated=1, ...}
 * }
 * }</pre>
 *
 * <p>Safe for the engine's worker threads. It holds every ticket it would store, as the memory
 * store does.
 */
public final class DryRun implements Storage {

    private static final String[] COUNTS = {"tickets_new", "tickets_updated", "tickets_deleted",
        "audit_entries", "dead_letters_new", "dead_letters_again", "dead_letters_removed",
        "runs_pruned"};

    private final Storage base;
    private final Map<String, AtomicLong> counts = new LinkedHashMap<>();
    private final Tickets tickets = new Tickets();
    private final Audit audit = new Audit();
    private final Runs runs = new Runs();
    private final Letters letters = new Letters();
    // loads read from what the dry run sees, counted in memory: the store's own is not touched
    private final org.helpdesktriage.core.assign.AgentLedger ledger =
            org.helpdesktriage.core.assign.AgentLedger.over(tickets);

    private DryRun(Storage base) {
        this.base = base;
        for (String c : COUNTS) {
            counts.put(c, new AtomicLong());
        }
    }

    /** Returns a dry run over {@code base}; closing it closes {@code base}. */
    public static DryRun over(Storage base) {
        return new DryRun(Objects.requireNonNull(base, "base"));
    }

    /** Returns the store underneath, which the dry run only reads. */
    public Storage base() {
        return base;
    }

    /** Returns what the run would have changed so far, by name, in a fixed order. */
    public Map<String, Long> changes() {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    private void tally(String name) {
        counts.get(name).incrementAndGet();
    }

    @Override
    public TicketStore tickets() {
        return tickets;
    }

    @Override
    public AuditLog audit() {
        return audit;
    }

    @Override
    public RunLog runs() {
        return runs;
    }

    @Override
    public DeadLetterLog deadLetters() {
        return letters;
    }

    @Override
    public org.helpdesktriage.core.assign.AgentLedger agentLedger() {
        return ledger;
    }

    @Override
    public List<String> notices() {
        return base.notices();
    }

    @Override
    public String describe() {
        return base.describe() + " (dry run)";
    }

    @Override
    public void close() {
        base.close();
    }

    private final class Tickets implements TicketStore {
        private final Map<String, Optional<Ticket>> written = new ConcurrentHashMap<>();

        @Override
        public void save(Ticket ticket) {
            tally(get(ticket.ticketId()).isPresent() ? "tickets_updated" : "tickets_new");
            written.put(ticket.ticketId(), Optional.of(ticket));
        }

        @Override
        public Optional<Ticket> get(String ticketId) {
            Optional<Ticket> w = written.get(ticketId);
            return w != null ? w : base.tickets().get(ticketId);
        }

        @Override
        public boolean delete(String ticketId) {
            boolean there = get(ticketId).isPresent();
            if (there) {
                tally("tickets_deleted");
            }
            written.put(ticketId, Optional.empty());
            return there;
        }

        @Override
        public StoreScan scan() {
            StoreScan under = base.tickets().scan();
            Map<String, Ticket> all = new java.util.TreeMap<>();
            under.tickets().forEach(t -> all.put(t.ticketId(), t));
            written.forEach((id, t) -> {
                if (t.isPresent()) {
                    all.put(id, t.get());
                } else {
                    all.remove(id);
                }
            });
            return new StoreScan(new ArrayList<>(all.values()), under.corrupt());
        }

        @Override
        public void clear() {
            scan().tickets().forEach(t -> delete(t.ticketId()));
        }
    }

    private final class Audit implements AuditLog {
        @Override
        public void append(AuditLog.Entry entry) {
            tally("audit_entries");
        }

        @Override
        public List<AuditLog.Entry> query(AuditLog.Query query) {
            return base.audit().query(query);
        }
    }

    private final class Runs implements RunLog {
        private final Map<String, RunRecord> saved = new ConcurrentHashMap<>();
        private final Set<String> pruned = ConcurrentHashMap.newKeySet();

        @Override
        public void save(RunRecord run) {
            saved.put(run.runId(), run);
        }

        @Override
        public Optional<RunRecord> get(String runId) {
            RunRecord r = saved.get(runId);
            return r != null ? Optional.of(r) : pruned.contains(runId) ? Optional.empty()
                    : base.runs().get(runId);
        }

        @Override
        public List<RunRecord> list() {
            Map<String, RunRecord> all = new LinkedHashMap<>();
            base.runs().list().stream().filter(r -> !pruned.contains(r.runId()))
                    .forEach(r -> all.put(r.runId(), r));
            all.putAll(saved);
            List<RunRecord> out = new ArrayList<>(all.values());
            out.sort(Comparator.comparing(RunRecord::startedAt).reversed());
            return out;
        }

        @Override
        public List<RunRecord> pruneStartedBefore(Instant cutoff) {
            List<RunRecord> gone = list().stream()
                    .filter(r -> r.startedAt().isBefore(cutoff)).toList();
            gone.forEach(r -> {
                pruned.add(r.runId());
                saved.remove(r.runId());
                tally("runs_pruned");
            });
            return gone;
        }
    }

    private final class Letters implements DeadLetterLog {
        private final Map<String, Optional<DeadLetter>> written = new ConcurrentHashMap<>();

        @Override
        public void save(DeadLetter letter) {
            tally(get(letter.id()).isPresent() ? "dead_letters_again" : "dead_letters_new");
            written.put(letter.id(), Optional.of(letter));
        }

        @Override
        public Optional<DeadLetter> get(String id) {
            Optional<DeadLetter> w = written.get(id);
            return w != null ? w : base.deadLetters().get(id);
        }

        @Override
        public boolean remove(String id) {
            boolean there = get(id).isPresent();
            if (there) {
                tally("dead_letters_removed");
            }
            written.put(id, Optional.empty());
            return there;
        }

        @Override
        public List<DeadLetter> list() {
            Map<String, DeadLetter> all = new LinkedHashMap<>();
            base.deadLetters().list().forEach(l -> all.put(l.id(), l));
            written.forEach((id, l) -> {
                if (l.isPresent()) {
                    all.put(id, l.get());
                } else {
                    all.remove(id);
                }
            });
            List<DeadLetter> out = new ArrayList<>(all.values());
            out.sort(Comparator.comparing(DeadLetter::time).thenComparing(DeadLetter::id));
            return Collections.unmodifiableList(out);
        }
    }
}
