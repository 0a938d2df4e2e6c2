package org.helpdesktriage.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.ingest.RecordReaders;
import org.helpdesktriage.core.model.FieldError;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.sla.Sla;
import org.helpdesktriage.core.sla.SlaCalculator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SLA on triage results, with the shipped policies and with configured ones. */
class TriageEngineSlaTest {

    // Saturday noon; the tickets below were created on Friday afternoon
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @TempDir
    Path dir;

    private static TriageEngine engine(TriageConfig config, Instant now) {
        return TriageEngine.builder().config(config).clock(Clock.fixed(now, ZoneOffset.UTC))
                .build();
    }

    private static String json(String id, String priority, String createdAt, String extra) {
        return "{\"ticket_id\": \"" + id + "\", \"title\": \"Printer\", \"description\": \"jam\","
                + " \"requester_email\": \"a@example.com\", \"priority\": \"" + priority + "\","
                + " \"created_at\": \"" + createdAt + "\"" + extra + "}";
    }

    private static TriageResult triaged(TriageOutcome outcome) {
        assertThat(outcome).isInstanceOf(TriageOutcome.Triaged.class);
        return ((TriageOutcome.Triaged) outcome).result();
    }

    @Test
    void shippedConfig_givesEachPriorityItsPolicy_onBusinessHoursOr24x7() {
        TriageEngine e = engine(TriageConfig.defaults(), NOW);
        // high, Friday 16:30: first response 1 h, resolution 8 h of Mon-Fri 09:00-17:00 UTC
        Sla high = triaged(e.triageJson(json("TKT-1", "high", "2026-11-20T16:30:00Z", "")))
                .sla();
        assertThat(high).isEqualTo(new Sla("high", "business",
                Instant.parse("2026-11-23T09:30:00Z"), Instant.parse("2026-11-23T16:30:00Z"),
                null, null, null));
        // critical runs on 24x7: 15 min and 4 h of plain time
        Sla critical = triaged(e.triageJson(json("TKT-2", "critical", "2026-11-20T16:30:00Z",
                ""))).sla();
        assertThat(critical.calendar()).isEqualTo("24x7");
        assertThat(critical.firstResponseDue()).isEqualTo("2026-11-20T16:45:00Z");
        assertThat(critical.resolutionDue()).isEqualTo("2026-11-20T20:30:00Z");
        // low: 8 h and 72 h (nine business days)
        Sla low = triaged(e.triageJson(json("TKT-3", "low", "2026-11-20T16:30:00Z", ""))).sla();
        assertThat(low.firstResponseDue()).isEqualTo("2026-11-23T16:30:00Z");
        assertThat(low.resolutionDue()).isEqualTo("2026-12-03T16:30:00Z");
    }

    @Test
    void policy_isChosenOnTheRoutedTicket_andARuleActionOverridesIt() {
        TriageConfig config = TestConfigs.load(dir, """
                {"rules": [
                  {"id": "lockout", "priority": "high",
                   "condition": {"field": "title", "op": "contains_any_word", "value": ["locked"]},
                   "actions": {"sla": "vip"}},
                  {"id": "printer", "priority": "critical",
                   "condition": {"field": "title", "op": "contains_any_word", "value": ["printer"]}}
                 ],
                 "sla": {"policies": [
                   {"id": "vip", "condition": {"any": []}, "calendar": "24x7",
                    "first_response": "PT5M", "resolution": "PT1H"},
                   {"id": "critical", "condition": {"field": "priority", "op": "equals",
                    "value": "critical"}, "calendar": "24x7", "first_response": "PT15M",
                    "resolution": "PT4H"},
                   {"id": "rest", "condition": {"all": []}, "calendar": "business",
                    "first_response": "PT4H", "resolution": "PT24H"}]}}
                """);
        TriageEngine e = engine(config, NOW);
        // the ticket is medium; the printer rule raises it to critical, so 'critical' applies
        assertThat(triaged(e.triageJson(json("TKT-1", "medium", "2026-11-20T16:30:00Z", "")))
                .sla().policy()).isEqualTo("critical");
        assertThat(triaged(e.triageJson(json("TKT-2", "low", "2026-11-20T16:30:00Z", "")
                .replace("Printer", "Locked out"))).sla().policy()).isEqualTo("vip");
        assertThat(triaged(e.triageJson(json("TKT-3", "low", "2026-11-20T16:30:00Z", "")
                .replace("Printer", "Question"))).sla().policy()).isEqualTo("rest");
    }

    @Test
    void badDates_areRejectionsNamingTheField_andTheBatchGoesOn() throws Exception {
        java.nio.file.Path in = dir.resolve("in.jsonl");
        java.nio.file.Files.writeString(in, String.join("\n",
                json("TKT-1", "high", "2026-11-20T16:30:00Z", ""),
                json("TKT-2", "high", "2026-11-22T16:30:00Z", ""),
                json("TKT-3", "high", "2026-11-20T16:30:00Z", ", \"first_response_at\": \"soon\""),
                json("TKT-4", "high", "2026-11-20T16:30:00Z",
                        ", \"resolved_at\": \"2026-11-19T00:00:00Z\""),
                json("TKT-5", "high", "2026-11-20T16:30:00Z", "")));
        List<String> triaged = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        BatchTriage.Summary summary;
        try (var reader = RecordReaders.open(in)) {
            summary = BatchTriage.run(engine(TriageConfig.defaults(), NOW), reader, o -> {
                if (o instanceof TriageOutcome.Triaged t) {
                    triaged.add(t.result().ticket().ticketId());
                } else {
                    errors.addAll(((TriageOutcome.Rejected) o).rejection().errors());
                }
            }, 2);
        }
        assertThat(summary.read()).isEqualTo(5);
        assertThat(triaged).containsExactly("TKT-1", "TKT-5");
        assertThat(errors).extracting(FieldError::field)
                .containsExactly("created_at", "first_response_at", "resolved_at");
        assertThat(errors.get(0).message()).isEqualTo("created_at 2026-11-22T16:30:00Z lies in "
                + "the future (it is now 2026-11-21T12:00:00Z); an SLA clock cannot start later "
                + "than now");
    }

    @Test
    void metFlags_comeFromFirstResponseAtAndResolvedAt() {
        Sla sla = triaged(engine(TriageConfig.defaults(), NOW).triageJson(json("TKT-1", "high",
                "2026-11-20T16:30:00Z", ", \"first_response_at\": \"2026-11-20T16:50:00Z\","
                        + " \"resolved_at\": \"2026-11-21T10:00:00Z\""))).sla();
        assertThat(sla.firstResponseMet()).isTrue();
        // resolved on Saturday, before Monday 16:30
        assertThat(sla.resolutionMet()).isTrue();
        Sla late = triaged(engine(TriageConfig.defaults(), Instant.parse("2026-11-25T00:00:00Z"))
                .triageJson(json("TKT-1", "high", "2026-11-20T16:30:00Z",
                        ", \"first_response_at\": \"2026-11-23T09:31:00Z\""))).sla();
        assertThat(late.firstResponseMet()).isFalse();
        assertThat(late.resolutionMet()).isNull();
    }

    @Test
    void slaOff_resultsCarryNone_andFutureDatesAreAccepted() {
        TriageConfig off = TestConfigs.load(dir, "{\"sla\": {\"policies\": []}}");
        TriageResult r = triaged(engine(off, NOW).triageJson(json("TKT-1", "high",
                "2027-01-01T00:00:00Z", "")));
        assertThat(r.sla()).isNull();
        assertThat(r.serviceLevel()).isEmpty();
        assertThat(r.notes()).noneMatch(n -> n.contains("SLA"));
    }

    @Test
    void noPolicyHolds_orAnInputSlaKey_areNoted() {
        TriageConfig onlyCritical = TestConfigs.load(dir, """
                {"sla": {"policies": [{"id": "critical", "condition": {"field": "priority",
                  "op": "equals", "value": "critical"}, "calendar": "24x7",
                  "first_response": "PT15M", "resolution": "PT4H"}]}}""");
        TriageResult r = triaged(engine(onlyCritical, NOW).triageJson(json("TKT-1", "low",
                "2026-11-20T16:30:00Z", ", \"sla\": {\"policy\": \"forged\"}")));
        assertThat(r.sla()).isNull();
        assertThat(r.ticket().metadata()).doesNotContainKey("sla");
        assertThat(r.notes()).contains("metadata 'sla' of the input dropped: the SLA is computed",
                "no SLA policy applies");
    }

    @Test
    void triageOfATicketBuiltInCode_withAFutureDate_getsANoteInsteadOfAnSla() {
        Ticket future = TestTickets.aTicket().createdAt(NOW.plusSeconds(60)).build();
        TriageResult r = engine(TriageConfig.defaults(), NOW).triage(future);
        assertThat(r.sla()).isNull();
        assertThat(r.notes()).anyMatch(n -> n.startsWith("no SLA: created_at"));
    }

    @Test
    void store_keepsTheSla_andAPauseStatusMovesTheResolutionDue() {
        TriageConfig config = TestConfigs.load(dir,
                "{\"cache_enabled\": false, \"sla\": {\"pause_statuses\": [\"assigned\"]}}");
        TestStore store = new TestStore();
        String created = "2026-11-23T09:00:00Z";
        // Monday 09:00 imported new; 10:00 imported as assigned (pause); 12:00 in progress
        TriageResult first = triageInto(store, config, "2026-11-23T09:00:00Z",
                json("TKT-1", "high", created, ""));
        assertThat(first.sla().resolutionDue()).isEqualTo("2026-11-23T17:00:00Z");
        Ticket stored = store.get("TKT-1").orElseThrow();
        assertThat(SlaCalculator.read(stored)).get().extracting(s -> s.sla())
                .isEqualTo(first.sla());
        assertThat(first.ticket().metadata()).doesNotContainKey(Sla.Stored.METADATA_KEY);

        TriageResult paused = triageInto(store, config, "2026-11-23T10:00:00Z",
                json("TKT-1", "high", created, ", \"status\": \"assigned\""));
        assertThat(paused.sla().pausedSince()).isEqualTo("2026-11-23T10:00:00Z");

        TriageResult resumed = triageInto(store, config, "2026-11-23T12:00:00Z",
                json("TKT-1", "high", created, ", \"status\": \"in_progress\""));
        assertThat(resumed.sla().pausedSince()).isNull();
        // 8 h + 2 h paused: to 17:00 Monday, then Tuesday 09:00-11:00
        assertThat(resumed.sla().resolutionDue()).isEqualTo("2026-11-24T11:00:00Z");
        assertThat(SlaCalculator.read(store.get("TKT-1").orElseThrow()).orElseThrow().paused())
                .isEqualTo(java.time.Duration.ofHours(2));
        assertThat(resumed.ticket().priority()).isEqualTo(Priority.HIGH);
    }

    private static TriageResult triageInto(TestStore store, TriageConfig config, String now,
            String json) {
        TriageEngine e = TriageEngine.builder().config(config)
                .clock(Clock.fixed(Instant.parse(now), ZoneOffset.UTC)).build();
        return triaged(StoringStep.builder(e).store(store).build().save(e.triageJson(json)));
    }

    @Test
    void configuredResultCache_servesTheSameSla() {
        TriageEngine e = engine(TriageConfig.defaults(), NOW);
        String j = json("TKT-1", "medium", "2026-11-20T16:30:00Z", "");
        Sla once = triaged(e.triageJson(j)).sla();
        triaged(e.triageJson(j));
        assertThat(triaged(e.triageJson(j)).sla()).isEqualTo(once);
        assertThat(e.cacheStats().orElseThrow().hits()).isPositive();
        assertThat(once.policy()).isEqualTo("medium");
    }
}
