package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesktriage.cli.ReimportTest.AGAIN;
import static org.helpdesktriage.cli.ReimportTest.ESCALATED;
import static org.helpdesktriage.cli.ReimportTest.EXAMPLES;
import static org.helpdesktriage.cli.ReimportTest.ID;
import static org.helpdesktriage.cli.ReimportTest.LATER;
import static org.helpdesktriage.cli.ReimportTest.REIMPORTED;
import static org.helpdesktriage.cli.ReimportTest.TRIAGED;
import static org.helpdesktriage.cli.ReimportTest.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.helpdesktriage.store.postgres.PostgresExtension;
import org.helpdesktriage.store.postgres.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Issue 28's re-import scenario ({@link ReimportTest}) against a real PostgreSQL server. */
@ExtendWith(PostgresExtension.class)
class PostgresReimportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CONFIG = EXAMPLES.resolve("config-sla.json").toString();

    @TempDir
    Path dir;

    private Map<String, String> env;

    @BeforeEach
    void database(TestPostgres pg) {
        env = Map.of("HELPDESK_STORE_TYPE", "postgres", "HELPDESK_STORE_URL",
                pg.url(pg.newDatabase()), "HELPDESK_DB_USER", TestPostgres.USER,
                "HELPDESK_DB_PASSWORD", TestPostgres.PASSWORD);
    }

    private CliRun triage(Instant when, Path in) {
        return at(when, env, in.toString(), dir.resolve("out.json").toString(), "--store",
                "postgres", "--config", CONFIG);
    }

    private JsonNode stored() throws IOException {
        return MAPPER.readTree(at(LATER, env, "tickets", "get", ID).out());
    }

    private JsonNode audit() throws IOException {
        return MAPPER.readTree(at(LATER, env, "audit", "--json", "--ticket", ID).out());
    }

    @Test
    void reimport_keepsTheEscalation_andAuditsOnlyRealChanges_onPostgres() throws IOException {
        assertThat(at(TRIAGED, env, "migrate").exitCode()).isZero();
        assertThat(triage(TRIAGED, EXAMPLES.resolve("tickets.json")).exitCode()).isIn(0, 4);
        CliRun escalate = at(ESCALATED, env, "escalate", "--config", CONFIG);
        assertThat(escalate.exitCode()).as(escalate.err()).isZero();
        JsonNode escalated = stored();
        assertThat(escalated.get("status").asText()).isEqualTo("escalated");
        assertThat(escalated.get("priority").asText()).isEqualTo("critical");
        assertThat(escalated.get("assigned_to").asText()).isEqualTo("on-call");
        int entries = audit().size();

        assertThat(triage(REIMPORTED, EXAMPLES.resolve("tickets.json")).exitCode())
                .isIn(0, 4);
        assertThat(stored()).isEqualTo(escalated);
        assertThat(audit()).hasSize(entries);

        Path edited = ReimportTest.withEditedTitle(dir);
        assertThat(triage(REIMPORTED, edited).exitCode()).isIn(0, 4);
        assertThat(triage(AGAIN, edited).exitCode()).isIn(0, 4);
        JsonNode after = stored();
        assertThat(after.get("status").asText()).isEqualTo("escalated");
        assertThat(after.get("priority").asText()).isEqualTo("critical");
        assertThat(after.get("assigned_to").asText()).isEqualTo("on-call");
        JsonNode all = audit();
        assertThat(all).hasSize(entries + 1);
        JsonNode changes = null;
        for (JsonNode e : all) {
            if (e.toString().contains("[edited]")) {
                changes = e.get("changes");
            }
        }
        assertThat(changes).isNotNull();
        assertThat(changes.fieldNames()).toIterable().containsExactly("title");
    }

    @Test
    void deadLetters_resolvedByReimport_discarded_andPrunedByCleanup_onPostgres()
            throws IOException {
        assertThat(at(TRIAGED, env, "migrate").exitCode()).isZero();
        Path in = dir.resolve("in.jsonl");
        java.nio.file.Files.writeString(in, String.join("\n", bad("TKT-1"), bad("TKT-2"),
                bad("TKT-3")));
        assertThat(triage(TRIAGED, in).exitCode()).isEqualTo(4);
        assertThat(letters()).hasSize(3);

        java.nio.file.Files.writeString(in, bad("TKT-1").replace("a@b", "a@example.com"));
        assertThat(triage(TRIAGED.plusSeconds(60), in).exitCode()).isZero();
        assertThat(letters()).hasSize(2);

        String id = letters().get(0).get("id").asText();
        assertThat(at(TRIAGED, env, "dead-letters", "discard", id).exitCode()).isZero();
        assertThat(letters()).hasSize(1);

        CliRun cleanup = at(TRIAGED.plus(java.time.Duration.ofDays(8)), env, "cleanup",
                "--older-than", "90d", "--keep-dead-letters", "7d");
        assertThat(cleanup.exitCode()).as(cleanup.err()).isZero();
        assertThat(letters()).isEmpty();
    }

    @Test
    void escalateWithoutConfig_usesTheConfigurationRecordedInTheDatabase() throws IOException {
        assertThat(at(TRIAGED, env, "migrate").exitCode()).isZero();
        assertThat(triage(TRIAGED, EXAMPLES.resolve("tickets.json")).exitCode()).isIn(0, 4);
        CliRun escalate = at(ESCALATED, env, "escalate");
        assertThat(escalate.exitCode()).as(escalate.err()).isZero();
        assertThat(escalate.err()).doesNotContain("warning");
        assertThat(stored().get("assigned_to").asText()).isEqualTo("on-call");
        assertThat(at(ESCALATED, env, "tickets", "count", "--config",
                Path.of("..", "config.json").toString()).err())
                .contains("is not the one the PostgreSQL store was last triaged with");
    }

    private static String bad(String id) {
        return "{\"ticket_id\":\"" + id + "\",\"title\":\"Printer\",\"description\":\"jam\","
                + "\"requester_email\":\"a@b\",\"created_at\":\"2026-11-20T10:00:00Z\"}";
    }

    private JsonNode letters() throws IOException {
        return MAPPER.readTree(at(LATER, env, "dead-letters", "list", "--json").out());
    }
}
