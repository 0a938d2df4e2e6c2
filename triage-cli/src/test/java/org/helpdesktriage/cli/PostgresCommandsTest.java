package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.helpdesktriage.store.postgres.PostgresExtension;
import org.helpdesktriage.store.postgres.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands on the PostgreSQL store, end to end through {@code Main.run}, against a real
 * server: migrate, triage --store postgres, escalate, tickets, audit, runs, dead letters,
 * backup, restore, cleanup, health; and the password never in any output, record or file.
 */
@ExtendWith(PostgresExtension.class)
class PostgresCommandsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"),
            ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Map<String, String> env;
    private final List<CliRun> runs = new ArrayList<>();

    @BeforeEach
    void database(TestPostgres pg) {
        env = Map.of("HELPDESK_STORE_TYPE", "postgres", "HELPDESK_STORE_URL",
                pg.url(pg.newDatabase()), "HELPDESK_DB_USER", TestPostgres.USER,
                "HELPDESK_DB_PASSWORD", TestPostgres.PASSWORD);
    }

    private CliRun run(String... args) {
        CliRun r = CliRun.runAt(CLOCK, env, "", args);
        runs.add(r);
        return r;
    }

    private Path input() throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"id\":\"TKT-1\",\"subject\":\"Locked out\",\"body\":\"locked\","
                        + "\"email\":\"a@example.com\",\"created_at\":\"2026-11-10T10:00:00Z\"}",
                "{\"id\":\"TKT-2\",\"subject\":\"Refund\",\"body\":\"payment failed\","
                        + "\"email\":\"b@example.com\",\"type\":\"bill\"}",
                "{\"id\":\"TKT-3\",\"subject\":\"Hi\",\"body\":\"x\",\"email\":\"a@b\"}"));
        return in;
    }

    @Test
    void commandsWorkOnPostgres_andNeverShowThePassword() throws IOException {
        Path metrics = dir.resolve("m.prom");
        assertThat(run("triage", input().toString(), dir.resolve("o.json").toString())
                .exitCode()).as("no schema yet").isEqualTo(6);
        assertThat(runs.get(0).err()).contains("has no helpdesk-triage schema")
                .contains("helpdesk-triage migrate --store postgres");
        // the command the message names works as written
        assertThat(run("migrate", "--store", "postgres").exitCode()).isEqualTo(0);
        assertThat(run("migrate").exitCode()).isEqualTo(0);
        assertThat(run("migrate", "--store", "file").exitCode()).isEqualTo(2);
        assertThat(run("health").exitCode()).isEqualTo(0);
        CliRun first = run("triage", input().toString(), dir.resolve("o.json").toString(),
                "--store", "postgres", "--metrics-file", metrics.toString());
        assertThat(first.exitCode()).isEqualTo(4);
        assertThat(run("triage", input().toString(), dir.resolve("o.json").toString())
                .exitCode()).isEqualTo(4);
        CliRun count = run("tickets", "count");
        assertThat(count.out().trim()).isEqualTo("2");
        assertThat(run("tickets", "get", "TKT-2").out()).contains("\"priority\" : \"critical\"");
        assertThat(run("audit", "--ticket", "TKT-1", "--json").out()).contains("\"triage\"");
        assertThat(run("dead-letters", "list").out()).contains("DL-");
        assertThat(run("runs", "list").out()).contains("triage");
        CliRun escalate = run("escalate", "--json");
        assertThat(escalate.exitCode()).isEqualTo(0);
        assertThat(escalate.out()).contains("TKT-1").contains("TKT-2");
        assertThat(run("escalate").out()).contains("No ticket is due");

        CliRun backup = run("backup", "--out", dir.resolve("backups").toString());
        assertThat(backup.exitCode()).isEqualTo(0);
        Path archive = Path.of(backup.out().trim());
        assertThat(run("tickets", "delete", "TKT-1").exitCode()).isEqualTo(0);
        assertThat(run("restore", "--archive", archive.toString()).out())
                .contains("restored 2 ticket(s)");
        assertThat(run("tickets", "count").out().trim()).isEqualTo("2");
        assertThat(run("cleanup", "--older-than", "1d").exitCode()).isEqualTo(0);
        assertThat(run("cleanup", "--older-than", "1d", "--archive").exitCode()).isEqualTo(2);

        List<String> seen = new ArrayList<>();
        runs.forEach(r -> {
            seen.add(r.out());
            seen.add(r.err());
        });
        seen.add(Files.readString(metrics));
        seen.add(run("runs", "list", "--json").out());
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                seen.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(seen).noneMatch(s -> s.contains(TestPostgres.PASSWORD));
    }

    @Test
    void wrongPassword_exits6NamingTheDatabase(TestPostgres pg) {
        Map<String, String> wrong = new java.util.HashMap<>(env);
        wrong.put("HELPDESK_DB_PASSWORD", "nope-" + TestPostgres.PASSWORD);
        CliRun r = CliRun.runAt(CLOCK, wrong, "", "health");
        assertThat(r.exitCode()).isEqualTo(6);
        assertThat(r.out() + r.err()).contains("127.0.0.1:" + pg.port())
                .contains("password authentication failed")
                .doesNotContain(TestPostgres.PASSWORD);
        CliRun t = CliRun.runAt(CLOCK, wrong, "", "tickets", "list", "--verbose");
        assertThat(t.exitCode()).isEqualTo(6);
        assertThat(t.err()).contains("cannot connect to database").doesNotContain(
                TestPostgres.PASSWORD);
    }
}
