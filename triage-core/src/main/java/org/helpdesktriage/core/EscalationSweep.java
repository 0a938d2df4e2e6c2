package org.helpdesktriage.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.escalation.EscalationService;
import org.helpdesktriage.core.internal.store.TicketChanges;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.core.store.ClaimingStore;
import org.helpdesktriage.core.store.StoreScan.CorruptRecord;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.core.store.TicketStore;

/**
 * The escalation job, on the storing side: checks every stored ticket, and escalates, saves and
 * audits each one the {@link EscalationService} says is due. The service only decides (it knows no
 * store); this class stores what it decided, as {@link StoringStep} does for the engine. A record
 * the store cannot read, or a ticket whose SLA cannot be measured (a date in the future), is
 * reported in the result, and the other tickets are still checked. With SLA escalation stages,
 * each stage that applies is one escalation and one audit entry naming the stage
 * ({@code sla_stage}); the ticket is saved once. Over a {@link ClaimingStore} the sweep works
 * through claimed batches, so several sweeps may run at once.
 *
 * <pre>{@code
 * EscalationSweep.Result result = EscalationSweep.of(config, store, auditLog, clock, "cron")
 *         .run(runId, false);
 * }</pre>
 */
public final class EscalationSweep {

    /** How many tickets a claiming store hands out at once. */
    static final int CLAIM_BATCH = 500;

    private final TicketStore store;
    private final AuditLog audit;
    private final EscalationService service;
    private final String actor;

    /**
     * Creates a sweep.
     *
     * @param store where the tickets are; escalated tickets are saved back
     * @param audit where each escalation is recorded
     * @param service what decides and does an escalation
     * @param actor who audit entries name
     */
    public EscalationSweep(TicketStore store, AuditLog audit, EscalationService service,
            String actor) {
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.service = Objects.requireNonNull(service, "service");
        this.actor = Objects.requireNonNull(actor, "actor");
    }

    /**
     * Creates a sweep that escalates by the configuration's escalation policy and SLA stages.
     *
     * @param config the configuration whose {@code escalation} and {@code sla} decide
     * @param store where the tickets are; escalated tickets are saved back
     * @param audit where each escalation is recorded
     * @param clock what "now" is
     * @param actor who audit entries name
     * @return the sweep
     */
    public static EscalationSweep of(TriageConfig config, TicketStore store, AuditLog audit,
            Clock clock, String actor) {
        Objects.requireNonNull(config, "config");
        return new EscalationSweep(store, audit,
                new EscalationService(config.escalation(), config.sla(), clock), actor);
    }

    /**
     * What a sweep did.
     *
     * @param escalations the escalations, in ticket id order (done, or due in a dry run)
     * @param checked how many tickets were checked
     * @param open how many of them were not finished
     * @param corrupt the records the store could not read
     * @param unmeasured the tickets that were read but whose SLA could not be measured, with
     *     why (the location is the ticket id); they were not escalated
     */
    public record Result(List<EscalationService.Escalation> escalations, int checked, int open,
            List<CorruptRecord> corrupt, List<CorruptRecord> unmeasured) {

        /** Copies the lists. */
        public Result {
            escalations = List.copyOf(escalations);
            corrupt = List.copyOf(corrupt);
            unmeasured = List.copyOf(unmeasured);
        }

        /**
         * Returns the escalations as a pretty-printed JSON array, one object per escalation with
         * {@code ticket_id}, {@code priority_before}, {@code priority}, {@code status_before},
         * {@code status}, {@code stage} (for an SLA stage only) and {@code reason}.
         */
        public String escalationsJson() {
            ArrayNode array = new ObjectMapper().createArrayNode();
            for (EscalationService.Escalation e : escalations) {
                ObjectNode n = array.addObject();
                n.put("ticket_id", e.ticket().ticketId());
                n.put("priority_before", e.before().priority().id());
                n.put("priority", e.ticket().priority().id());
                n.put("status_before", e.before().status().id());
                n.put("status", e.ticket().status().id());
                if (e.stage() != null) {
                    n.put("stage", e.stage());
                }
                n.put("reason", e.reason());
            }
            return array.toPrettyString();
        }
    }

    /**
     * Runs the sweep.
     *
     * @param runId the run id audit entries carry, or {@code null}
     * @param dryRun when set, finds what would escalate and changes nothing
     * @return what escalated (or would), and what could not be read
     */
    public Result run(String runId, boolean dryRun) {
        if (!dryRun && store instanceof ClaimingStore claims) {
            return runClaiming(claims, runId);
        }
        StoreScan scan = store.scan();
        List<EscalationService.Escalation> done = new ArrayList<>();
        List<CorruptRecord> unmeasured = new ArrayList<>();
        int open = 0;
        for (Ticket ticket : scan.tickets()) {
            if (!ticket.status().isFinished()) {
                open++;
            }
            List<EscalationService.Escalation> due = check(ticket, unmeasured);
            done.addAll(due);
            if (dryRun || due.isEmpty()) {
                continue;
            }
            store.save(due.get(due.size() - 1).ticket());
            due.forEach(e -> audit.append(entryOf(e, runId)));
        }
        return new Result(done, scan.tickets().size(), open, scan.corrupt(), unmeasured);
    }

    /**
     * Escalates through the store's claims: each batch of unfinished tickets is locked against
     * other sweeps until its escalations are saved, so two sweeps at once escalate (and audit)
     * each ticket exactly once. Only unfinished tickets are claimed, so {@code checked} equals
     * {@code open}: the tickets this sweep claimed.
     */
    private Result runClaiming(ClaimingStore claims, String runId) {
        List<EscalationService.Escalation> done = new ArrayList<>();
        List<CorruptRecord> unmeasured = new ArrayList<>();
        int[] checked = new int[1];
        List<CorruptRecord> corrupt = claims.claimUnfinished(CLAIM_BATCH, audit, batch -> {
            checked[0] += batch.size();
            List<Ticket> changed = new ArrayList<>();
            List<AuditLog.Entry> entries = new ArrayList<>();
            for (Ticket ticket : batch) {
                List<EscalationService.Escalation> due = check(ticket, unmeasured);
                if (!due.isEmpty()) {
                    done.addAll(due);
                    changed.add(due.get(due.size() - 1).ticket());
                    due.forEach(e -> entries.add(entryOf(e, runId)));
                }
            }
            return new ClaimingStore.Changes(changed, entries);
        });
        return new Result(done, checked[0], checked[0], corrupt, unmeasured);
    }

    // one ticket's odd data must not stop the sweep of the others
    private List<EscalationService.Escalation> check(Ticket ticket,
            List<CorruptRecord> unmeasured) {
        EscalationService.Check check;
        try {
            check = service.check(ticket);
        } catch (RuntimeException e) {
            unmeasured.add(new CorruptRecord(ticket.ticketId(), "could not be checked: "
                    + e.getMessage()));
            return List.of();
        }
        if (check.problem() != null) {
            unmeasured.add(new CorruptRecord(ticket.ticketId(), check.problem()));
        }
        return check.escalations();
    }

    private AuditLog.Entry entryOf(EscalationService.Escalation e, String runId) {
        Map<String, AuditLog.Entry.Change> changes =
                new LinkedHashMap<>(TicketChanges.between(e.before(), e.ticket()));
        changes.put("escalation_reason", new AuditLog.Entry.Change(null, e.reason()));
        if (e.stage() != null) {
            changes.put("sla_stage", new AuditLog.Entry.Change(null, e.stage()));
        }
        return new AuditLog.Entry(e.ticket().updatedAt(), actor, "escalate", e.ticket().ticketId(),
                changes, runId);
    }
}
