package org.helpdesktriage.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.EscalationSweep;
import org.helpdesktriage.core.StoringStep;
import org.helpdesktriage.core.TestConfigs;
import org.helpdesktriage.core.TestStore;
import org.helpdesktriage.core.TestTickets;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.sla.SlaCalculator;
import org.helpdesktriage.core.store.AuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SLA escalation stages: in order, once each, several in one sweep, audited by stage. */
class StageEscalationTest {

    // Monday 2026-11-23 09:00 UTC, the start of a business day
    private static final Instant CREATED = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path dir;
    private TriageConfig config;
    private final TestStore store = new TestStore();
    private final AuditLog audit = AuditLog.memory();

    @BeforeEach
    void configureFourStages() {
        config = TestConfigs.load(dir, """
                {"sla": {
                  "pause_statuses": ["assigned"],
                  "policies": [{"id": "std", "condition": {"all": []}, "calendar": "business",
                                "first_response": "PT1H", "resolution": "PT8H"}],
                  "escalation": [
                    {"id": "fr_breached", "target": "first_response", "at": 1.0,
                     "actions": {"tags": ["fr-breached"], "assign_to": "on-call"}},
                    {"id": "at_risk", "target": "resolution", "at": 0.75,
                     "actions": {"raise_priority": 1}},
                    {"id": "breached", "target": "resolution", "at": 1.0,
                     "actions": {"raise_priority": 1, "status": "escalated"}},
                    {"id": "senior", "target": "resolution", "at": 1.5,
                     "actions": {"assign_to": "senior-engineers", "raise_priority": 3}}]}}""");
    }

    private void store(Ticket t) {
        TriageEngine engine = TriageEngine.builder().config(config)
                .clock(Clock.fixed(CREATED, ZoneOffset.UTC)).build();
        StoringStep.builder(engine).store(store).auditLog(audit).build()
                .save(t, engine.triage(t));
    }

    private EscalationSweep.Result sweepAt(String now) {
        return sweepAt(now, false);
    }

    private EscalationSweep.Result sweepAt(String now, boolean dryRun) {
        EscalationService service = new EscalationService(config.escalation(), config.sla(),
                Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
        return new EscalationSweep(store, audit, service, "cron").run("run", dryRun);
    }

    private static List<String> stages(EscalationSweep.Result r) {
        return r.escalations().stream().map(EscalationService.Escalation::stage).toList();
    }

    @Test
    void stages_applyInOrder_onceEach_severalInOneSweep_auditedByStage() {
        store(TestTickets.aTicket().priority(Priority.LOW).createdAt(CREATED).build());

        assertThat(stages(sweepAt("2026-11-23T09:30:00Z"))).isEmpty();
        assertThat(stages(sweepAt("2026-11-23T10:00:00Z"))).containsExactly("fr_breached");
        assertThat(stages(sweepAt("2026-11-23T10:00:00Z"))).isEmpty();
        Ticket t = store.get("TKT-1").orElseThrow();
        assertThat(t.assignedTo()).isEqualTo("on-call");
        assertThat(t.tags()).contains("fr-breached");

        // 6 h of 8 h: at risk, one step up
        assertThat(stages(sweepAt("2026-11-23T15:00:00Z"))).containsExactly("at_risk");
        assertThat(store.get("TKT-1").orElseThrow().priority()).isEqualTo(Priority.MEDIUM);

        // Tuesday 13:00 is 12 h of working time: breached (1.0) and senior (1.5) at once
        EscalationSweep.Result both = sweepAt("2026-11-24T13:00:00Z");
        assertThat(stages(both)).containsExactly("breached", "senior");
        assertThat(both.escalations().get(0).ticket().priority()).isEqualTo(Priority.HIGH);
        Ticket last = store.get("TKT-1").orElseThrow();
        assertThat(last.priority()).isEqualTo(Priority.CRITICAL);
        assertThat(last.status()).isEqualTo(Status.ESCALATED);
        assertThat(last.assignedTo()).isEqualTo("senior-engineers");
        assertThat(last.updatedAt()).isEqualTo("2026-11-24T13:00:00Z");
        assertThat(SlaCalculator.read(last).orElseThrow().stages()).containsOnlyKeys(
                "fr_breached", "at_risk", "breached", "senior");

        List<AuditLog.Entry> escalations = audit.query(AuditLog.Query.all()).stream()
                .filter(e -> e.action().equals("escalate")).toList();
        assertThat(escalations).extracting(e -> e.changes().get("sla_stage").to())
                .containsExactly("fr_breached", "at_risk", "breached", "senior");
        assertThat(escalations.get(2).changes().get("priority"))
                .isEqualTo(new AuditLog.Entry.Change("medium", "high"));
        assertThat(escalations.get(3).changes().get("escalation_reason").to()).isEqualTo(
                "SLA stage 'senior': 150% of the resolution target of policy 'std' elapsed (PT8H"
                        + " on business, due 2026-11-23T17:00:00Z)");
        assertThat(stages(sweepAt("2026-11-30T13:00:00Z"))).isEmpty();
    }

    @Test
    void stagesReplaceTheAgeThreshold_andDryRunChangesNothing() {
        // critical and a week old: the threshold rules would escalate it at once
        store(TestTickets.aTicket().priority(Priority.CRITICAL).createdAt(CREATED).build());
        EscalationSweep.Result dry = sweepAt("2026-11-23T09:59:00Z", true);
        assertThat(dry.escalations()).isEmpty();
        EscalationSweep.Result due = sweepAt("2026-11-23T10:00:00Z", true);
        assertThat(stages(due)).containsExactly("fr_breached");
        assertThat(SlaCalculator.read(store.get("TKT-1").orElseThrow()).orElseThrow().stages())
                .isEmpty();
        assertThat(audit.query(AuditLog.Query.all())).extracting(AuditLog.Entry::action)
                .containsExactly("triage");
    }

    @Test
    void answeredPausedAndFinishedTickets_areLeftAlone() {
        store(TestTickets.aTicket().ticketId("TKT-ANSWERED").createdAt(CREATED)
                .metadata(Map.of("first_response_at", "2026-11-23T09:10:00Z")).build());
        store(TestTickets.aTicket().ticketId("TKT-PAUSED").status(Status.ASSIGNED)
                .createdAt(CREATED).build());
        store(TestTickets.aTicket().ticketId("TKT-DONE").status(Status.RESOLVED)
                .createdAt(CREATED).build());
        // Wednesday: every target of an open, running ticket would be long past
        EscalationSweep.Result r = sweepAt("2026-11-25T12:00:00Z");
        assertThat(r.escalations()).extracting(e -> e.ticket().ticketId() + " " + e.stage())
                .containsExactly("TKT-ANSWERED at_risk", "TKT-ANSWERED breached",
                        "TKT-ANSWERED senior", "TKT-PAUSED fr_breached");
        assertThat(r.open()).isEqualTo(2);
    }

    @Test
    void aTicketWhoseSlaCannotBeMeasured_isReported_andTheSweepGoesOn() {
        store(TestTickets.aTicket().ticketId("TKT-1").createdAt(CREATED).build());
        // saved behind the engine's back: created after the sweep's time
        store.save(TestTickets.aTicket().ticketId("TKT-0")
                .createdAt(Instant.parse("2027-01-01T00:00:00Z")).build());
        store.save(TestTickets.aTicket().ticketId("TKT-2").createdAt(CREATED)
                .metadata(Map.of("sla", Map.of("policy", 42))).build());
        EscalationSweep.Result r = sweepAt("2026-11-23T10:00:00Z");
        assertThat(r.escalations()).extracting(e -> e.ticket().ticketId())
                .containsExactly("TKT-1");
        assertThat(r.unmeasured()).extracting(u -> u.location() + ": " + u.problem())
                .containsExactly("TKT-0: created_at 2027-01-01T00:00:00Z lies in the future (it "
                        + "is now 2026-11-23T10:00:00Z); an SLA clock cannot start later than now",
                        "TKT-2: metadata 'sla.policy' is not a string");
    }
}
