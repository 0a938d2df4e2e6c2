package org.helpdesktriage.core.escalation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditEntry;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.core.store.ClaimingStore;
import org.helpdesktriage.core.store.CorruptRecord;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.core.store.TicketChanges;
import org.helpdesktriage.core.store.TicketStore;

/**
 * The escalation job: checks every stored ticket, and escalates, saves and audits each one the
 * {@link EscalationService} says is due. A record the store cannot read, or a ticket whose SLA
 * cannot be measured (a date in the future), is reported in the result, and the other tickets
 * are still checked. With SLA escalation stages, each stage that applies is one escalation and
 * one audit entry naming the stage ({@code sla_stage}); the ticket is saved once. Over a
 * {@link ClaimingStore} the sweep works through claimed batches, so several sweeps may run at
 * once.
 *
 * <pre>{@code
 * EscalationSweep sweep = new EscalationSweep(store, auditLog,
 *         new EscalationService(config.escalation(), config.sla(), clock), "helpdesk-triage");
 * EscalationSweep.Result result = sweep.run(runId, false);
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
            List<AuditEntry> entries = new ArrayList<>();
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

    private AuditEntry entryOf(EscalationService.Escalation e, String runId) {
        Map<String, AuditEntry.Change> changes =
                new LinkedHashMap<>(TicketChanges.between(e.before(), e.ticket()));
        changes.put("escalation_reason", new AuditEntry.Change(null, e.reason()));
        if (e.stage() != null) {
            changes.put("sla_stage", new AuditEntry.Change(null, e.stage()));
        }
        return new AuditEntry(e.ticket().updatedAt(), actor, "escalate", e.ticket().ticketId(),
                changes, runId);
    }
}
