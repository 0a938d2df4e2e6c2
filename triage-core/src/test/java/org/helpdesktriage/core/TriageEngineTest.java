package org.helpdesktriage.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.ingest.SourcePosition;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.rules.RuleDefinition;
import org.junit.jupiter.api.Test;

class TriageEngineTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final TriageEngine engine = TriageEngine.builder()
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    private static Ticket ticket(String title, String description, String category,
            Priority priority) {
        return Ticket.builder().ticketId("TKT-1").title(title).description(description)
                .requesterEmail("ann@example.com").category(category).priority(priority)
                .createdAt(NOW.minusSeconds(3600)).build();
    }

    private static RawRecord record(int n, String email) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", "TKT-" + n);
        fields.put("subject", "Ticket " + n);
        fields.put("body", n % 3 == 0 ? "I am locked out" : "A question");
        fields.put("email", email);
        return RawRecord.of(new SourcePosition("t.jsonl", n, n), fields, "{}");
    }

    @Test
    void triage_clockWidget_isNotALockout() {
        TriageResult r = engine.triage(ticket("Clock widget broken",
                "The clock widget shows the wrong time", "technical", Priority.MEDIUM));
        assertThat(r.routing().ruleMatched()).isNull();
        assertThat(r.routing().assignedTo()).isEqualTo("tech-team");
        assertThat(r.routing().confidence()).isEqualTo(0.5);
    }

    @Test
    void triage_lockout_routesToAccountTeamAtHighPriority() {
        TriageResult r = engine.triage(ticket("Locked out", "Cannot log in since this morning",
                "general", Priority.LOW));
        assertThat(r.routing().ruleMatched()).isEqualTo("account_lockout");
        assertThat(r.routing().category()).isEqualTo("account");
        assertThat(r.routing().assignedTo()).isEqualTo("account-team");
        assertThat(r.routing().priority()).isEqualTo(Priority.HIGH);
        assertThat(r.ticket().status()).isEqualTo(Status.TRIAGED);
        assertThat(r.ticket().assignedTo()).isEqualTo("account-team");
        assertThat(r.ticket().updatedAt()).isEqualTo(NOW);
        assertThat(r.ticket().score()).isEqualTo(r.score().total());
    }

    @Test
    void triage_billingPaymentAndLockout_criticalRuleWins() {
        TriageResult r = engine.triage(ticket("Account locked",
                "My payment failed and the account is locked", "billing", Priority.MEDIUM));
        assertThat(r.routing().ruleMatched()).isEqualTo("critical_billing");
        assertThat(r.routing().priority()).isEqualTo(Priority.CRITICAL);
        assertThat(r.routing().assignedTo()).isEqualTo("billing-team");
    }

    @Test
    void triage_ruleOfEqualPriority_tieGoesToTheRuleDefinedFirst() {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var cond = mapper.createObjectNode().put("field", "text").put("op", "contains_any_word")
                .put("value", "printer");
        TriageConfig base = TriageConfig.defaults();
        List<RuleDefinition> rules = List.of(
                new RuleDefinition("first", "First", "high", cond,
                        new RuleDefinition.Actions("technical", "first-team", null, null, null),
                        null),
                new RuleDefinition("second", "Second", "high", cond,
                        new RuleDefinition.Actions("bug", "second-team", null, null, null),
                        null));
        TriageConfig config = base.withRules(rules);
        TriageEngine e = TriageEngine.builder().config(config).build();
        TriageResult r = e.triage(ticket("Printer", "printer jam", "general", Priority.LOW));
        assertThat(r.routing().ruleMatched()).isEqualTo("first");
        assertThat(r.routing().assignedTo()).isEqualTo("first-team");
    }

    @Test
    void triage_closedTicket_staysClosedWithANote() {
        Ticket closed = Ticket.builder().ticketId("TKT-9").title("Old").description("done")
                .requesterEmail("a@example.com").status(Status.CLOSED).createdAt(NOW).build();
        TriageResult r = engine.triage(closed);
        assertThat(r.ticket().status()).isEqualTo(Status.CLOSED);
        assertThat(r.notes()).anyMatch(n -> n.contains("'closed' kept"));
    }

    @Test
    void triage_rawRecord_appliesAliasesAndRejectsInvalidRecords() {
        TriageOutcome good = engine.triage(record(3, "ann@example.com"));
        assertThat(good).isInstanceOf(TriageOutcome.Triaged.class);
        TriageResult r = ((TriageOutcome.Triaged) good).result();
        assertThat(r.ticket().title()).isEqualTo("Ticket 3");
        assertThat(r.routing().ruleMatched()).isEqualTo("account_lockout");
        assertThat(r.position().line()).isEqualTo(3);

        TriageOutcome bad = engine.triage(record(4, "a@b"));
        assertThat(bad).isInstanceOf(TriageOutcome.Rejected.class);
        assertThat(((TriageOutcome.Rejected) bad).rejection().message())
                .contains("t.jsonl line 4").contains("requester_email").contains("'a@b'");
    }

    @Test
    void batch_keepsInputOrderAndCountsEveryRecord_whateverTheParallelism() {
        List<RawRecord> records = new ArrayList<>();
        IntStream.rangeClosed(1, 5000).forEach(n ->
                records.add(record(n, n % 7 == 0 ? "broken" : "u" + n + "@example.com")));
        for (int parallelism : new int[] {1, 2, 4}) {
            List<String> seen = new ArrayList<>();
            Iterator<RawRecord> it = records.iterator();
            BatchTriage.Summary s = BatchTriage.run(engine, it, o -> seen.add(
                    o instanceof TriageOutcome.Triaged t ? t.result().ticket().ticketId()
                            : "rejected:" + ((TriageOutcome.Rejected) o).rejection().position()
                                    .line()), parallelism);
            assertThat(s.read()).isEqualTo(5000);
            assertThat(s.rejected()).isEqualTo(5000 / 7);
            assertThat(s.triaged() + s.rejected()).isEqualTo(s.read());
            List<String> expected = IntStream.rangeClosed(1, 5000)
                    .mapToObj(n -> n % 7 == 0 ? "rejected:" + n : "TKT-" + n).toList();
            assertThat(seen).as("parallelism %d", parallelism).isEqualTo(expected);
        }
    }

    @Test
    void batch_sinkFailure_stopsTheBatchWithTheCause() {
        List<RawRecord> records = IntStream.rangeClosed(1, 3000)
                .mapToObj(n -> record(n, "u@example.com")).toList();
        assertThatThrownBy(() -> BatchTriage.run(engine, records.iterator(), o -> {
            throw new IllegalStateException("disk full");
        }, 2)).hasMessage("disk full");
    }

    @Test
    void builder_invalidRule_failsNamingTheRule() {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var cond = mapper.createObjectNode().put("field", "nope").put("op", "equals")
                .put("value", "x");
        TriageConfig base = TriageConfig.defaults();
        TriageConfig config = base.withRules(
                List.of(new RuleDefinition("bad_rule", null, "high", cond, null, null)));
        assertThatThrownBy(() -> TriageEngine.builder().config(config).build())
                .isInstanceOf(TriageException.class).hasMessageContaining("'bad_rule'")
                .hasMessageContaining("nope");
    }

    @Test
    void triageJson_validTicket_isTriagedInOneCall() {
        TriageOutcome outcome = engine.triageJson("{\"id\": \"TKT-7\", \"subject\": \"Locked out\","
                + " \"body\": \"Cannot log in\", \"email\": \"ann@example.com\"}");
        assertThat(outcome).isInstanceOfSatisfying(TriageOutcome.Triaged.class, t -> {
            assertThat(t.result().ticket().ticketId()).isEqualTo("TKT-7");
            assertThat(t.result().routing().ruleMatched()).isEqualTo("account_lockout");
        });
    }

    @Test
    void triageJson_invalidFieldsOrText_areRejectionsNamingTheProblem() {
        TriageOutcome badEmail = engine.triageJson("{\"ticket_id\": \"TKT-1\", \"title\": \"t\","
                + " \"description\": \"d\", \"requester_email\": \"a@b\"}");
        assertThat(badEmail).isInstanceOfSatisfying(TriageOutcome.Rejected.class, r ->
                assertThat(r.rejection().message()).contains("requester_email"));
        TriageOutcome notJson = engine.triageJson("[1, 2]");
        assertThat(notJson).isInstanceOfSatisfying(TriageOutcome.Rejected.class, r ->
                assertThat(r.rejection().message()).contains("not a JSON object"));
    }

    @Test
    void triageFields_mapOfAliases_isNormalisedAndTriaged() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ticket", 42);
        fields.put("subject", "Invoice");
        fields.put("body", "Payment failed");
        fields.put("user_email", " ann@example.com ");
        fields.put("type", "bill");
        TriageOutcome outcome = engine.triage(fields);
        assertThat(outcome).isInstanceOfSatisfying(TriageOutcome.Triaged.class, t -> {
            assertThat(t.result().ticket().ticketId()).isEqualTo("42");
            assertThat(t.result().ticket().category()).isEqualTo("billing");
        });
    }

    @Test
    void build_cacheWhileConfigTurnsCachingOff_isRefused() {
        TriageConfig off = org.helpdesktriage.core.config.ConfigLoader.load(
                java.util.Optional.empty(), Map.of(), Map.of("cache_enabled", "false"));
        assertThatThrownBy(() -> TriageEngine.builder().config(off)
                .cache(ResultCache.create(java.time.Duration.ofMinutes(1), 10)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cache_enabled false");
    }
}
