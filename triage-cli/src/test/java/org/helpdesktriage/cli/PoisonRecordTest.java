package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.helpdesktriage.store.postgres.PostgresExtension;
import org.helpdesktriage.store.postgres.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 29, item 2: a record whose ticket id holds a control character (NUL included) is
 * rejected the same way by every store, and its dead letter keeps its bytes escaped, so a
 * poison record never stops a run.
 */
@ExtendWith(PostgresExtension.class)
class PoisonRecordTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"),
            ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path input() throws Exception {
        return Files.writeString(dir.resolve("in.jsonl"), String.join("\n",
                "{\"id\":\"TKT-1\",\"subject\":\"Locked out\",\"body\":\"locked\","
                        + "\"email\":\"a@example.com\"}",
                "{\"id\":\"X\\u0000Y\",\"subject\":\"Nul\\u0000here\",\"body\":\"b\\u0001\","
                        + "\"email\":\"b@example.com\"}",
                "{\"id\":\"TKT-\\u001b[2J\",\"subject\":\"Esc\",\"body\":\"b\","
                        + "\"email\":\"b@example.com\"}",
                "{\"id\":\"TKT-3\",\"subject\":\"Refund\",\"body\":\"payment failed\","
                        + "\"email\":\"c@example.com\"}") + "\n");
    }

    private void assertRejectedAndCompleted(Map<String, String> env, String... store)
            throws Exception {
        Path in = input();
        for (int attempt = 0; attempt < 2; attempt++) {
            String[] args = new String[] {"triage", in.toString(),
                dir.resolve("out.json").toString()};
            String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                    java.util.Arrays.stream(store)).toArray(String[]::new);
            CliRun run = CliRun.runAt(CLOCK, env, "", all);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
            assertThat(run.err()).contains("read 4", "triaged 2", "rejected 2");
            String rejects = Files.readString(dir.resolve("out.json.rejects.jsonl"));
            assertThat(rejects.lines()).hasSize(2);
            assertThat(rejects).contains("ticket_id").doesNotContain("\u0000");
        }
        CliRun letters = CliRun.runAt(CLOCK, env, "", concat(new String[] {"dead-letters",
            "list"}, dataDirOf(store)));
        assertThat(letters.exitCode()).as(letters.err()).isZero();
        assertThat(letters.out()).doesNotContain("\u0000");
    }

    private static String[] dataDirOf(String[] store) {
        return store.length > 2 ? new String[] {store[2], store[3]} : new String[0];
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a),
                java.util.Arrays.stream(b)).toArray(String[]::new);
    }

    @Test
    void nulId_onPostgres_isRejected_andTheRunCompletes_twice(TestPostgres pg) throws Exception {
        Map<String, String> env = Map.of("HELPDESK_STORE_TYPE", "postgres",
                "HELPDESK_STORE_URL", pg.url(pg.newDatabase()), "HELPDESK_DB_USER",
                TestPostgres.USER, "HELPDESK_DB_PASSWORD", TestPostgres.PASSWORD);
        assertThat(CliRun.runAt(CLOCK, env, "", "migrate").exitCode()).isZero();
        assertRejectedAndCompleted(env, "--store", "postgres");
    }

    @Test
    void nulId_onTheFileStore_isRejected_andTheRunCompletes_twice() throws Exception {
        assertRejectedAndCompleted(Map.of(), "--store", "file", "--data-dir",
                dir.resolve("data").toString());
    }
}
