package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.helpdesktriage.store.file.DataDirectoryLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 29, item 5: SIGTERM and SIGINT during {@code triage --store file} stop the run at a
 * chunk boundary: the run record says interrupted with the counts so far, no temporary file is
 * left, the lock is free, the summary is printed, and the exit code is 143 (130 for SIGINT).
 */
class SignalStopTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private void stopsCleanly(String signal, int expectedExit) throws Exception {
        Path data = dir.resolve("data");
        Path in = Files.writeString(dir.resolve("in.jsonl"), ChildCli.tickets("TKT", 20_000));
        Path err = dir.resolve("triage.err");
        Process triage = ChildCli.start(err, "triage", in.toString(),
                dir.resolve("out.jsonl").toString(), "--store", "file", "--data-dir",
                data.toString(), "--parallelism", signal.equals("TERM") ? "2" : "1");
        try {
            ChildCli.await("300 stored tickets", 120, () -> ChildCli.ticketFiles(data) >= 300
                    || !triage.isAlive());
            assertThat(triage.isAlive()).as("still triaging when signalled: %s",
                    Files.readString(err)).isTrue();
            new ProcessBuilder("kill", "-" + signal, Long.toString(triage.pid())).start()
                    .waitFor();
            assertThat(triage.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            triage.destroyForcibly().waitFor();
        }
        String stderr = Files.readString(err);
        assertThat(triage.exitValue()).as(stderr).isEqualTo(expectedExit);
        assertThat(stderr).contains("read ", "stopped by SIG" + signal);

        List<Path> runs = list(data.resolve("runs"));
        assertThat(runs).as(stderr).hasSize(1);
        JsonNode record = MAPPER.readTree(runs.get(0).toFile());
        assertThat(record.toString()).contains("\"status\":\"interrupted\"");
        long triaged = record.at("/counts/triaged").asLong();
        assertThat(triaged).isGreaterThanOrEqualTo(300).isLessThan(20_000)
                .isEqualTo(ChildCli.ticketFiles(data));
        assertThat(record.at("/exit_code").asInt()).isEqualTo(expectedExit);

        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith(".tmp-"));
        }
        CliRun health = CliRun.run("health", "--data-dir", data.toString());
        assertThat(health.exitCode()).as(health.out() + health.err()).isZero();
        assertThat(DataDirectoryLock.inspect(data).kind()).as("released, not left stale")
                .isEqualTo(DataDirectoryLock.LockState.Kind.FREE);
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".json")).toList();
        }
    }

    @Test
    void sigterm_midRun_leavesAnInterruptedRunRecord_noTemporaryFile_andExits143()
            throws Exception {
        stopsCleanly("TERM", 143);
    }

    @Test
    void sigint_midRun_stopsTheSameWay_andExits130() throws Exception {
        stopsCleanly("INT", 130);
    }

    private void withLockCommandEndsWithIt(boolean kill9) throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Process withLock = ChildCli.start(dir.resolve("with-lock.err"), "with-lock",
                "--data-dir", data.toString(), "--", "sleep", "300");
        ProcessHandle[] sleep = new ProcessHandle[1];
        try {
            ChildCli.await("with-lock to start sleep", 60, () -> {
                sleep[0] = withLock.descendants().filter(p -> p.info().command()
                        .map(c -> c.endsWith("sleep")).orElse(false)
                        && p.parent().map(q -> q.pid() == withLock.pid()).orElse(false))
                        .findFirst().orElse(null);
                // the watchdog starts after the shutdown hook is in place
                return sleep[0] != null && withLock.descendants().anyMatch(p -> p.info()
                        .command().map(c -> c.endsWith("sh")).orElse(false));
            });
            assertThat(DataDirectoryLock.inspect(data).kind())
                    .isEqualTo(DataDirectoryLock.LockState.Kind.HELD);
            if (kill9) {
                withLock.destroyForcibly();
            } else {
                withLock.destroy();
            }
            ChildCli.await("the command to end with with-lock", 10, () -> !sleep[0].isAlive());
            assertThat(withLock.waitFor(10, TimeUnit.SECONDS)).isTrue();
            // SIGTERM lets with-lock release the lock cleanly; after kill -9 the system did
            assertThat(DataDirectoryLock.inspect(data).kind()).isEqualTo(kill9
                    ? DataDirectoryLock.LockState.Kind.STALE
                    : DataDirectoryLock.LockState.Kind.FREE);
        } finally {
            withLock.destroyForcibly().waitFor();
            if (sleep[0] != null) {
                sleep[0].destroyForcibly();
            }
        }
    }

    @Test
    void withLock_sigterm_endsItsCommand_beforeTheLockGoes() throws Exception {
        withLockCommandEndsWithIt(false);
    }

    @Test
    void withLock_kill9_leavesNoCommandRunningWithoutTheLock() throws Exception {
        withLockCommandEndsWithIt(true);
    }
}
