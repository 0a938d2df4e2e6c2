package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.helpdesktriage.store.postgres.PostgresExtension;
import org.helpdesktriage.store.postgres.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 29, item 5, on PostgreSQL: SIGTERM during {@code triage --store postgres} stops at a
 * chunk boundary (each chunk is one transaction: committed whole or not at all), records the run
 * as interrupted with the counts so far, and exits 143; the stored tickets are those counted.
 */
@ExtendWith(PostgresExtension.class)
class PostgresSignalStopTest {

    @TempDir
    Path dir;

    @Test
    void sigterm_midRun_onPostgres_recordsAnInterruptedRun_whoseCountsAreWhatIsStored(
            TestPostgres pg) throws Exception {
        Map<String, String> env = Map.of("HELPDESK_STORE_TYPE", "postgres",
                "HELPDESK_STORE_URL", pg.url(pg.newDatabase()), "HELPDESK_DB_USER",
                TestPostgres.USER, "HELPDESK_DB_PASSWORD", TestPostgres.PASSWORD);
        assertThat(CliRun.runWith(env, "", "migrate").exitCode()).isZero();
        Path in = Files.writeString(dir.resolve("in.jsonl"), ChildCli.tickets("TKT", 200_000));
        Path err = dir.resolve("triage.err");
        ProcessBuilder pb = new ProcessBuilder(ChildCli.java(Main.class, "triage", in.toString(),
                dir.resolve("out.jsonl").toString(), "--parallelism", "2"))
                .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        Process triage = pb.start();
        try {
            ChildCli.await("some tickets stored", 120, () -> !triage.isAlive()
                    || pause() && count(env) > 2000);
            assertThat(triage.isAlive()).as("still triaging when signalled").isTrue();
            triage.destroy();
            assertThat(triage.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            triage.destroyForcibly().waitFor();
        }
        String stderr = Files.readString(err);
        assertThat(triage.exitValue()).as(stderr).isEqualTo(143);
        assertThat(stderr).contains("stopped by SIGTERM").doesNotContain("Exception");
        CliRun runs = CliRun.runWith(env, "", "runs", "list", "--json");
        assertThat(runs.out()).as(runs.err()).contains("interrupted");
        long stored = count(env);
        assertThat(stored).isLessThan(200_000);
        assertThat(stderr).contains("triaged " + stored + ",");
        assertThat(CliRun.runWith(env, "", "health").exitCode()).isZero();
    }

    // the count opens a connection pool: ask a few times a second, not every millisecond
    private static boolean pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    private static long count(Map<String, String> env) {
        String out = CliRun.runWith(env, "", "tickets", "count").out().trim();
        return out.isEmpty() ? 0 : Long.parseLong(out);
    }
}
