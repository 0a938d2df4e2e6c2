package org.helpdesktriage.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.assign.AgentLedger;
import org.helpdesktriage.core.assign.Assignment;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.ingest.RecordReaders;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storing step's assignment: a batch counts its own, stored assignees are never lost. */
class AssigningStepTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"),
            ZoneOffset.UTC);

    @TempDir
    Path dir;

    private TriageEngine engine(String strategy, int capacity, boolean explain) {
        TriageConfig config = TestConfigs.load(dir, "{\"agents\": ["
                + "{\"id\": \"ana\", \"teams\": [\"tech-team\"], \"capacity\": " + capacity + "},"
                + "{\"id\": \"bob\", \"teams\": [\"tech-team\"], \"capacity\": " + capacity + "}],"
                + " \"assignment\": {\"teams\": {\"tech-team\": {\"strategy\": \"" + strategy
                + "\"}}}}");
        return TriageEngine.builder().config(config).clock(NOW).explain(explain).build();
    }

    private static String vpn(String id, String extra) {
        return "{\"ticket_id\": \"" + id + "\", \"title\": \"VPN drops\", \"description\":"
                + " \"the vpn client disconnects\", \"requester_email\": \"a@example.com\","
                + " \"category\": \"technical\", \"created_at\": \"2026-01-05T09:00:00Z\""
                + extra + "}";
    }

    private static List<TriageResult> run(TriageEngine engine, StoringStep step,
            int parallelism, String... records) {
        List<TriageResult> out = new ArrayList<>();
        String jsonl = String.join("\n", records) + "\n";
        BatchTriage.run(engine, step, RecordReaders.open(new java.io.ByteArrayInputStream(
                jsonl.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                org.helpdesktriage.core.ingest.InputFormat.JSONL, "batch",
                engine.config().limits()), o -> null, (o, p) -> {
                    if (o instanceof TriageOutcome.Triaged t) {
                        out.add(t.result());
                    }
                }, parallelism, () -> false);
        return out;
    }

    private static String assignee(TriageResult r) {
        return r.routing().assignment().assignee();
    }

    @Test
    void withoutAStore_aBatchCountsItsOwnAssignments_inInputOrder_evenInParallel() {
        TriageEngine engine = engine("round_robin", 2, false);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            ids.add(vpn(String.format("T-%04d", i), ""));
        }
        List<TriageResult> results = run(engine, StoringStep.builder(engine).build(), 2,
                ids.toArray(String[]::new));
        assertThat(results).extracting(AssigningStepTest::assignee).startsWith("ana", "bob",
                "ana", "bob", null);
        assertThat(results.get(4).routing().assignment().reason())
                .isEqualTo("all at capacity");
        assertThat(results.get(0).ticket().status()).isEqualTo(Status.ASSIGNED);
        assertThat(results.get(0).ticket().metadata()).containsEntry("assignee", "ana")
                .containsEntry("assigned_at", "2026-01-05T10:00:00Z");
        assertThat(results.get(4).ticket().status()).isEqualTo(Status.TRIAGED);
        assertThat(results).hasSize(600);
    }

    @Test
    void aStoredAssignee_isNeverOverwritten_andAResolvedTicketFreesItsAgent() {
        TriageEngine engine = engine("least_loaded", 1, true);
        TestStore store = new TestStore();
        List<AuditLog.Entry> audit = new ArrayList<>();
        StoringStep step = StoringStep.builder(engine).store(store)
                .auditLog(new AuditLog() {
                    @Override
                    public void append(Entry entry) {
                        audit.add(entry);
                    }

                    @Override
                    public List<Entry> query(Query query) {
                        return query.select(audit);
                    }
                }).build();
        // T-1 arrives held by zoe: kept, and counted for nobody of the roster
        List<TriageResult> first = run(engine, step, 1, vpn("T-1", ", \"assignee\": \"zoe\""),
                vpn("T-2", ""), vpn("T-3", ""), vpn("T-4", ""));
        assertThat(first).extracting(AssigningStepTest::assignee)
                .containsExactly("zoe", "ana", "bob", null);
        assertThat(first.get(0).routing().assignment().reason()).isEqualTo(Assignment.KEPT);
        assertThat(first.get(3).routing().assignment().considered())
                .extracting(Assignment.Considered::passedOver)
                .containsExactly("at capacity 1/1", "at capacity 1/1");
        assertThat(audit).filteredOn(e -> e.action().equals("assign")).hasSize(2);
        // a re-import without an assignee keeps the stored one
        List<TriageResult> again = run(engine, step, 1, vpn("T-2", ""));
        assertThat(assignee(again.get(0))).isEqualTo("ana");
        assertThat(store.get("T-2").map(AgentLedger::assigneeOf)).contains("ana");
        // the source resolves T-2: ana's load falls, and T-4 goes to her on the next run
        run(engine, step, 1, vpn("T-2", ", \"status\": \"resolved\""));
        List<TriageResult> later = run(engine, step, 1, vpn("T-4", ""));
        assertThat(assignee(later.get(0))).isEqualTo("ana");
        // the source hands T-3 to someone else: that wins over the stored assignee
        List<TriageResult> handed = run(engine, step, 1, vpn("T-3", ", \"assignee\": \"ana\""));
        assertThat(assignee(handed.get(0))).isEqualTo("ana");
        assertThat(step.assignmentStats().orElseThrow().assigned()).isEqualTo(3);
    }

    @Test
    void theLedgerOverAStore_readsLoadsFromItsTickets() {
        TriageEngine engine = engine("round_robin", 1, false);
        TestStore store = new TestStore();
        store.save(TestTickets.aTicket().ticketId("OLD-1").assignedTo("tech-team")
                .status(Status.IN_PROGRESS).metadata(Map.of("assignee", "ana",
                        "assigned_at", "2026-01-05T08:00:00Z")).build());
        StoringStep step = StoringStep.builder(engine).store(store).build();
        List<TriageResult> results = run(engine, step, 1, vpn("T-1", ""), vpn("T-2", ""));
        assertThat(results).extracting(AssigningStepTest::assignee)
                .containsExactly("bob", null);
        Ticket stored = store.get("T-1").orElseThrow();
        assertThat(stored.status()).isEqualTo(Status.ASSIGNED);
    }

    @Test
    void aRulesRequiredSkills_narrowTheAgentsToThoseWhoHoldThem() {
        TriageConfig config = TestConfigs.load(dir, "{\"agents\": ["
                + "{\"id\": \"ana\", \"teams\": [\"tech-team\"], \"capacity\": 5},"
                + "{\"id\": \"bob\", \"teams\": [\"tech-team\"], \"skills\": [\"SAP\"],"
                + " \"capacity\": 5}], \"assignment\": {\"default_strategy\": \"round_robin\"},"
                + " \"rules\": [{\"id\": \"sap\", \"priority\": \"high\", \"condition\":"
                + " {\"field\": \"text\", \"op\": \"contains_any_word\", \"value\": [\"sap\"]},"
                + " \"actions\": {\"assign_to\": \"tech-team\", \"require_skills\": [\"sap\"]}}]}");
        TriageEngine engine = TriageEngine.builder().config(config).clock(NOW).build();
        List<TriageResult> results = run(engine, StoringStep.builder(engine).build(), 1,
                vpn("T-1", ", \"title\": \"SAP login fails\""),
                vpn("T-2", ", \"title\": \"SAP report broken\""), vpn("T-3", ""));
        assertThat(results).extracting(AssigningStepTest::assignee)
                .containsExactly("bob", "bob", "ana");
    }
}
