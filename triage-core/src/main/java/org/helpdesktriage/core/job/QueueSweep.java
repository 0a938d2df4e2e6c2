package org.helpdesktriage.core.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.assign.AgentLedger;
import org.helpdesktriage.core.assign.Assigner;
import org.helpdesktriage.core.assign.Assignment;
import org.helpdesktriage.core.assign.AssignmentSettings;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.rules.RuleDefinition;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.core.store.TicketStore;

/**
 * Tries again the stored tickets waiting on a team's queue, for a cron line: as shifts start and
 * agents' capacity frees, the tickets that triage could not give to anybody are assigned, oldest
 * ({@code created_at}) first. A ticket waits when it has no assignee, its status counts as load
 * and its team's strategy is not {@code none}. Each assignment is saved (metadata
 * {@code assignee} and {@code assigned_at}, status {@code assigned} from new or triaged) and
 * audited (action {@code assign}), all under one board of the {@link AgentLedger}, so that a
 * triage or another sweep assigning at the same time never pushes an agent over capacity. When
 * rules require skills ({@code require_skills}), a waiting ticket is decided again by the
 * configuration's rules (as triage would decide it now) to know the skills it needs.
 *
 * <pre>{@code
 * QueueSweep.Result r = QueueSweep.of(config, store, audit, storage.agentLedger(), clock,
 *         "cron").run(runId, false);
 * System.out.println(r.assigned().size() + " assigned, " + r.waitingCount() + " waiting");
 * }</pre>
 */
public final class QueueSweep {

    private final TicketStore store;
    private final AuditLog audit;
    private final AgentLedger ledger;
    private final AssignmentSettings settings;
    private final Assigner assigner;
    private final Clock clock;
    private final String actor;
    private final TriageConfig config;
    private final Map<String, List<String>> skillsByRule = new LinkedHashMap<>();
    private TriageEngine engine;

    private QueueSweep(TriageConfig config, TicketStore store, AuditLog audit,
            AgentLedger ledger, Clock clock, String actor) {
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.settings = config.assignment();
        this.assigner = Assigner.of(settings, config.sla());
        this.clock = Objects.requireNonNull(clock, "clock");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.config = config;
        for (RuleDefinition r : config.rules()) {
            if (!r.actions().requireSkills().isEmpty()) {
                skillsByRule.put(r.id().trim(), r.actions().requireSkills());
            }
        }
    }

    // the skills the rules matching the ticket now require, in rule order, without repeats
    private List<String> requiredSkills(Ticket t) {
        if (skillsByRule.isEmpty()) {
            return List.of();
        }
        if (engine == null) {
            engine = TriageEngine.builder().config(config).clock(clock).build();
        }
        LinkedHashSet<String> skills = new LinkedHashSet<>();
        for (String rule : engine.triage(t).routing().rulesMatched()) {
            skills.addAll(skillsByRule.getOrDefault(rule, List.of()));
        }
        return new ArrayList<>(skills);
    }

    /**
     * Returns the sweep of a configuration's roster and strategies over a store.
     *
     * @param config the configuration: agents, assignment, SLA calendars (the shifts)
     * @param store the tickets; assigned ones are saved back
     * @param audit where each assignment is recorded
     * @param ledger the agents' loads and last assignments ({@code Storage.agentLedger()})
     * @param clock what "now" is: shifts are read at it
     * @param actor who audit entries name
     */
    public static QueueSweep of(TriageConfig config, TicketStore store, AuditLog audit,
            AgentLedger ledger, Clock clock, String actor) {
        return new QueueSweep(Objects.requireNonNull(config, "config"), store, audit, ledger,
                clock, actor);
    }

    /**
     * One assignment the sweep made (or would make, in a dry run).
     *
     * @param ticketId the ticket
     * @param team its team
     * @param agent the agent it went to
     */
    public record Assigned(String ticketId, String team, String agent) {
    }

    /**
     * What a sweep did.
     *
     * @param assigned the assignments, in the order made (oldest ticket first)
     * @param waiting the ids of the tickets still waiting, by reason ({@code no agent on shift},
     *     {@code all at capacity}, ...), in the order tried
     * @param corrupt the records the store could not read
     */
    public record Result(List<Assigned> assigned, Map<String, List<String>> waiting,
            List<StoreScan.CorruptRecord> corrupt) {

        /** Copies the collections. */
        public Result {
            assigned = List.copyOf(assigned);
            Map<String, List<String>> copy = new TreeMap<>();
            waiting.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            waiting = java.util.Collections.unmodifiableMap(copy);
            corrupt = List.copyOf(corrupt);
        }

        /** Returns how many tickets still wait. */
        public int waitingCount() {
            return waiting.values().stream().mapToInt(List::size).sum();
        }

        /**
         * Returns the result as pretty-printed JSON: {@code assigned} (ticket_id, team, agent)
         * and {@code waiting} (reason to ticket ids).
         */
        public String toJson() {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode n = mapper.createObjectNode();
            ArrayNode a = n.putArray("assigned");
            assigned.forEach(x -> a.addObject().put("ticket_id", x.ticketId())
                    .put("team", x.team()).put("agent", x.agent()));
            ObjectNode w = n.putObject("waiting");
            waiting.forEach((reason, ids) -> ids.forEach(w.withArray(reason)::add));
            return n.toPrettyString();
        }
    }

    /** Returns whether a stored ticket waits on its team's queue for an agent. */
    public boolean waits(Ticket t) {
        return AgentLedger.assigneeOf(t) == null && !t.status().isFinished()
                && settings.countsAsLoad(t.status()) && t.assignedTo() != null
                && !assigner.strategyName(t.assignedTo()).equals("none");
    }

    /**
     * Runs the sweep.
     *
     * @param runId the run id audit entries carry, or {@code null}
     * @param dryRun when set, decides and changes nothing (the ledger's board is not committed)
     */
    public Result run(String runId, boolean dryRun) {
        if (!settings.enabled()) {
            return new Result(List.of(), Map.of(), List.of());
        }
        Instant now = clock.instant();
        List<Assigned> done = new ArrayList<>();
        Map<String, List<String>> waiting = new LinkedHashMap<>();
        try (AgentLedger.Board board = ledger.open(settings)) {
            // read under the board: another process's assignments are saved before it closes
            StoreScan scan = store.scan();
            List<Ticket> queue = scan.tickets().stream().filter(this::waits)
                    .sorted(Comparator.comparing(Ticket::createdAt)
                            .thenComparing(Ticket::ticketId)).toList();
            List<Ticket> tickets = new ArrayList<>();
            List<AuditLog.Entry> entries = new ArrayList<>();
            for (Ticket t : queue) {
                Assignment a = assigner.assign(t, requiredSkills(t), now, board);
                if (!a.reason().equals(Assignment.ASSIGNED)) {
                    waiting.computeIfAbsent(a.reason(), r -> new ArrayList<>()).add(t.ticketId());
                    continue;
                }
                Ticket after = AgentLedger.handedTo(t, a.assignee(), now, now);
                board.assigned(a.assignee(), assigner.rotationTime(t.assignedTo(), now, board));
                board.took(a.assignee(), t.ticketId());
                done.add(new Assigned(t.ticketId(), t.assignedTo(), a.assignee()));
                tickets.add(after);
                Map<String, AuditLog.Entry.Change> changes = new LinkedHashMap<>();
                changes.put("assignee", new AuditLog.Entry.Change(null, a.assignee()));
                if (after.status() != t.status()) {
                    changes.put("status", new AuditLog.Entry.Change(t.status().id(),
                            after.status().id()));
                }
                entries.add(new AuditLog.Entry(now, actor, "assign", t.ticketId(), changes,
                        runId));
            }
            if (!dryRun) {
                if (!tickets.isEmpty()) {
                    store.saveAll(tickets, audit, entries);
                }
                board.commit();
            }
            return new Result(done, waiting, scan.corrupt());
        }
    }
}
