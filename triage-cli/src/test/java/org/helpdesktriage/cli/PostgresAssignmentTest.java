package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.store.postgres.PostgresExtension;
import org.helpdesktriage.store.postgres.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Assignment on the PostgreSQL store through the commands: triage continues round robin from
 * the last run, {@code tickets update} frees capacity, {@code assign} gives the waiting ticket
 * out, {@code agents} reads loads from the database, each within its connection pool.
 */
@ExtendWith(PostgresExtension.class)
class PostgresAssignmentTest {

    @TempDir
    Path dir;

    @Test
    void triageAssignUpdateAndAgents_onPostgres(TestPostgres pg) throws Exception {
        Map<String, String> env = Map.of("HELPDESK_STORE_TYPE", "postgres",
                "HELPDESK_STORE_URL", pg.url(pg.newDatabase()), "HELPDESK_DB_USER",
                TestPostgres.USER, "HELPDESK_DB_PASSWORD", TestPostgres.PASSWORD);
        Path config = Files.writeString(dir.resolve("config.json"), "{\"agents\": ["
                + "{\"id\": \"ana\", \"teams\": [\"tech-team\"], \"capacity\": 1},"
                + "{\"id\": \"bob\", \"teams\": [\"tech-team\"], \"capacity\": 1}],"
                + "\"assignment\": {\"teams\": {\"tech-team\": {\"strategy\": "
                + "\"round_robin\"}}, \"default_strategy\": \"none\"}}");
        assertThat(CliRun.runWith(env, "", "migrate").exitCode()).isZero();
        List<String> lines = new ArrayList<>();
        for (String id : List.of("T1", "T2", "T3")) {
            lines.add("{\"ticket_id\":\"" + id + "\",\"title\":\"Server down\",\"description\":"
                    + "\"down\",\"requester_email\":\"a@example.com\",\"category\":"
                    + "\"technical\",\"created_at\":\"2026-12-01T08:00:00Z\"}");
        }
        Path first = Files.writeString(dir.resolve("a.jsonl"), lines.get(0));
        Path rest = Files.writeString(dir.resolve("b.jsonl"), lines.get(1) + "\n"
                + lines.get(2));
        String cfg = config.toString();
        CliRun one = CliRun.runWith(env, "", "triage", "--config", cfg, "--now",
                "2026-12-05T03:00:00Z", first.toString(), dir.resolve("o1.json").toString());
        assertThat(one.exitCode()).as(one.err()).isZero();
        CliRun two = CliRun.runWith(env, "", "triage", "--config", cfg, "--now",
                "2026-12-05T03:00:00Z", rest.toString(), dir.resolve("o2.json").toString());
        assertThat(two.exitCode()).as(two.err()).isZero();
        // the second run goes on from ana to bob, and T3 waits: both are at capacity
        assertThat(two.err()).contains("assigned 1, waiting 1 (all at capacity 1)");

        CliRun update = CliRun.runWith(env, "", "tickets", "update", "T1", "--status",
                "resolved", "--config", cfg);
        assertThat(update.exitCode()).as(update.err()).isZero();
        CliRun assign = CliRun.runWith(env, "", "assign", "--config", cfg, "--json");
        assertThat(assign.exitCode()).as(assign.err()).isZero();
        JsonNode assigned = new ObjectMapper().readTree(assign.out()).get("assigned");
        assertThat(assigned).hasSize(1);
        assertThat(assigned.get(0).get("ticket_id").asText()).isEqualTo("T3");
        assertThat(assigned.get(0).get("agent").asText()).isEqualTo("ana");

        CliRun agents = CliRun.runWith(env, "", "agents", "--config", cfg, "--json");
        assertThat(agents.exitCode()).as(agents.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(agents.out()).get("agents");
        assertThat(rows).extracting(r -> r.get("id").asText() + " " + r.get("load").asInt())
                .containsExactly("ana 1", "bob 1");
    }
}
