package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.helpdesktriage.core.assign.AgentLedger;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.store.file.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Assignment across runs on a data directory: round robin continuing over separate processes,
 * {@code assign} picking up waiting tickets as shifts start and capacity frees, {@code tickets
 * update}, {@code agents} and {@code health}.
 */
class AssignmentCommandsTest {

    // a Saturday night, when the business calendar (Mon-Fri 09-17 UTC) is closed
    private static final String SATURDAY = "2026-12-05T03:00:00Z";
    private static final String MONDAY = "2026-12-07T10:00:00Z";

    @TempDir
    Path dir;

    private Path config(String agents) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"agents\": [" + agents + "], \"assignment\": {\"teams\": "
                + "{\"tech-team\": {\"strategy\": \"round_robin\"}}, \"default_strategy\": "
                + "\"none\"}}");
        return file;
    }

    private Path input(String name, String... ids) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String id : ids) {
            sb.append("{\"ticket_id\":\"").append(id).append("\",\"title\":\"Server down ")
                    .append(id).append("\",\"description\":\"the server is down\","
                            + "\"requester_email\":\"a@example.com\",\"category\":\"technical\","
                            + "\"created_at\":\"2026-12-01T08:00:00Z\"}\n");
        }
        return Files.writeString(dir.resolve(name), sb.toString());
    }

    private CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", dir.resolve("config.json").toString(), "--data-dir",
                dir.resolve("data").toString()));
        return CliRun.run(all.toArray(String[]::new));
    }

    private String assignee(String id) {
        try (DataDirectory data = DataDirectory.openForReading(dir.resolve("data"),
                OpsFixtures.CLOCK)) {
            return AgentLedger.assigneeOf(data.tickets().get(id).orElseThrow());
        }
    }

    private CliRun triage(String now, Path in) {
        CliRun run = cli("triage", "--store", "file", "--now", now, in.toString(),
                dir.resolve("out.json").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    @Test
    void roundRobin_continuesAcrossThreeProcesses() throws Exception {
        config("{\"id\": \"ana\", \"teams\": [\"tech-team\"], \"capacity\": 9},"
                + "{\"id\": \"bob\", \"teams\": [\"tech-team\"], \"capacity\": 9},"
                + "{\"id\": \"cy\", \"teams\": [\"tech-team\"], \"capacity\": 9}");
        String[][] runs = {{"T1", "T2"}, {"T3", "T4"}, {"T5", "T6", "T7"}};
        for (int i = 0; i < runs.length; i++) {
            Path in = input("in" + i + ".jsonl", runs[i]);
            Process p = new ProcessBuilder(ChildCli.java(Main.class, "triage", "--store", "file",
                    "--config", dir.resolve("config.json").toString(), "--data-dir",
                    dir.resolve("data").toString(), "--now", SATURDAY, in.toString(),
                    dir.resolve("out" + i + ".json").toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("log" + i).toFile())
                    .start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(dir.resolve("log" + i))).isZero();
        }
        assertThat(List.of("T1", "T2", "T3", "T4", "T5", "T6", "T7")).extracting(this::assignee)
                .containsExactly("ana", "bob", "cy", "ana", "bob", "cy", "ana");
    }

    @Test
    void assign_picksUpWaitingTicketsWhenAShiftStarts_andDryRunChangesNothing()
            throws Exception {
        config("{\"id\": \"cy\", \"teams\": [\"tech-team\"], \"capacity\": 5, "
                + "\"calendar\": \"business\"}");
        CliRun t = triage(SATURDAY, input("in.jsonl", "T1", "T2"));
        assertThat(t.err()).contains("assigned 0, waiting 2 (no agent on shift 2)");
        CliRun still = cli("assign", "--now", SATURDAY);
        assertThat(still.exitCode()).as(still.err()).isZero();
        assertThat(still.err()).contains("assigned 0, still waiting 2 (no agent on shift 2)");

        Map<String, byte[]> before = OpsFixtures.snapshot(dir.resolve("data"));
        CliRun dry = cli("assign", "--now", MONDAY, "--dry-run", "--json");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(new ObjectMapper().readTree(dry.out()).get("assigned"))
                .extracting(n -> n.get("ticket_id").asText()).containsExactly("T1", "T2");
        assertThat(OpsFixtures.snapshot(dir.resolve("data"))).containsOnlyKeys(before.keySet());
        OpsFixtures.snapshot(dir.resolve("data")).forEach((f, bytes) ->
                assertThat(bytes).as(f).isEqualTo(before.get(f)));

        CliRun monday = cli("assign", "--now", MONDAY);
        assertThat(monday.exitCode()).as(monday.err()).isZero();
        assertThat(monday.out()).contains("T1", "T2", "cy");
        assertThat(assignee("T1")).isEqualTo("cy");
        try (DataDirectory data = DataDirectory.openForReading(dir.resolve("data"),
                OpsFixtures.CLOCK)) {
            assertThat(data.audit().query(AuditLog.Query.all().ticket("T2")))
                    .extracting(AuditLog.Entry::action).containsExactly("triage", "assign");
            assertThat(data.tickets().get("T2").map(Ticket::status).orElseThrow().id())
                    .isEqualTo("assigned");
        }
    }

    @Test
    void assign_keepsToTheSkillsTheRulesRequire() throws Exception {
        Files.writeString(dir.resolve("config.json"), "{\"agents\": ["
                + "{\"id\": \"ana\", \"teams\": [\"tech-team\"], \"capacity\": 5},"
                + "{\"id\": \"cy\", \"teams\": [\"tech-team\"], \"capacity\": 5, "
                + "\"skills\": [\"SAP\"], \"calendar\": \"business\"}],"
                + "\"rules\": [{\"id\": \"sap\", \"priority\": \"low\", \"condition\": "
                + "{\"all\": []}, \"actions\": {\"require_skills\": [\"sap\"]}}],"
                + "\"assignment\": {\"teams\": {\"tech-team\": {\"strategy\": "
                + "\"round_robin\"}}, \"default_strategy\": \"none\"}}");
        triage(SATURDAY, input("in.jsonl", "T1"));
        assertThat(assignee("T1")).isNull();
        // ana is on shift with room, but lacks the skill the rule requires: cy takes it Monday
        CliRun monday = cli("assign", "--now", MONDAY);
        assertThat(monday.exitCode()).as(monday.err()).isZero();
        assertThat(assignee("T1")).isEqualTo("cy");
    }

    @Test
    void resolvingATicket_freesCapacityForAssign() throws Exception {
        config("{\"id\": \"ana\", \"teams\": [\"tech-team\"], \"capacity\": 1}");
        triage(SATURDAY, input("in.jsonl", "T1", "T2"));
        assertThat(assignee("T1")).isEqualTo("ana");
        assertThat(cli("assign", "--now", SATURDAY).err()).contains("still waiting 1 "
                + "(all at capacity 1)");

        CliRun bad = cli("tickets", "update", "T1", "--status", "new");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("cannot move from status 'assigned' to 'new'");
        assertThat(cli("tickets", "update", "NOPE", "--status", "resolved").exitCode())
                .isEqualTo(1);
        assertThat(cli("tickets", "update", "T1").exitCode()).isEqualTo(2);

        CliRun resolved = cli("tickets", "update", "T1", "--status", "resolved", "--now",
                SATURDAY);
        assertThat(resolved.exitCode()).as(resolved.err()).isZero();
        assertThat(resolved.out()).contains("status assigned -> resolved");
        CliRun again = cli("assign", "--now", SATURDAY, "--json");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(assignee("T2")).isEqualTo("ana");
        try (DataDirectory data = DataDirectory.openForReading(dir.resolve("data"),
                OpsFixtures.CLOCK)) {
            assertThat(data.audit().query(AuditLog.Query.all().ticket("T1")))
                    .extracting(AuditLog.Entry::action).containsExactly("triage", "assign", "update");
        }
    }

    @Test
    void agentsJson_andHealth_nameLoadsShiftsAndRemovedAgents() throws Exception {
        config("{\"id\": \"ana\", \"name\": \"Ana\", \"teams\": [\"tech-team\"], "
                + "\"capacity\": 3}, {\"id\": \"bob\", \"teams\": [\"tech-team\"], "
                + "\"capacity\": 2, \"calendar\": \"business\"}");
        triage(MONDAY, input("in.jsonl", "T1", "T2", "T3"));
        CliRun agents = cli("agents", "--json", "--now", SATURDAY);
        assertThat(agents.exitCode()).as(agents.err()).isZero();
        JsonNode o = new ObjectMapper().readTree(agents.out());
        assertThat(o.get("agents")).hasSize(2);
        JsonNode ana = o.get("agents").get(0);
        assertThat(ana.get("id").asText()).isEqualTo("ana");
        assertThat(ana.get("name").asText()).isEqualTo("Ana");
        assertThat(ana.get("load").asInt()).isEqualTo(2);
        assertThat(ana.get("capacity").asInt()).isEqualTo(3);
        assertThat(ana.get("on_shift").asBoolean()).isTrue();
        assertThat(ana.get("last_assigned_at").asText()).startsWith("2026-12-07T10:00:00");
        JsonNode bob = o.get("agents").get(1);
        assertThat(bob.get("load").asInt()).isEqualTo(1);
        assertThat(bob.get("on_shift").asBoolean()).isFalse();
        assertThat(o.get("removed")).isEmpty();
        assertThat(cli("health").err()).doesNotContain("no longer in the roster");

        config("{\"id\": \"ana\", \"teams\": [\"tech-team\"], \"capacity\": 3}");
        CliRun health = cli("health");
        assertThat(health.exitCode()).as(health.err()).isZero();
        assertThat(health.err()).contains("warning: agents: 1 agent(s) no longer in the roster "
                + "still hold tickets: bob (1)");
        JsonNode removed = new ObjectMapper().readTree(cli("agents", "--json").out())
                .get("removed");
        assertThat(removed).hasSize(1);
        assertThat(removed.get(0).get("id").asText()).isEqualTo("bob");
        CliRun handed = cli("tickets", "update", "T2", "--assignee", "ana");
        assertThat(handed.exitCode()).as(handed.err()).isZero();
        assertThat(cli("health").err()).doesNotContain("no longer in the roster");
        assertThat(cli("tickets", "update", "T2", "--assignee", "zed").err())
                .contains("agent 'zed' is not in the roster");
    }
}
