package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesktriage.cli.OpsFixtures.snapshot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.helpdesktriage.store.RunRecord;
import org.helpdesktriage.store.file.DataDirectory;
import org.helpdesktriage.store.file.DataDirectoryLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: with-lock runs a command under the data directory lock. */
class WithLockTest {

    @TempDir
    Path dir;

    private Path storedData(String prefix, int n) throws Exception {
        Path data = dir.resolve("data");
        Path in = Files.writeString(dir.resolve(prefix + ".jsonl"), ChildCli.tickets(prefix, n));
        CliRun run = CliRun.run("triage", in.toString(), dir.resolve(prefix + ".out.jsonl")
                .toString(), "--store", "file", "--data-dir", data.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return data;
    }

    @Test
    void exitCode_isTheCommands_127WhenItCannotStart_5WhenLocked_6WithoutDirectory()
            throws Exception {
        Path data = storedData("A", 3);
        assertThat(CliRun.run("with-lock", "--data-dir", data.toString(), "--", "sh", "-c",
                "exit 3").exitCode()).isEqualTo(3);
        assertThat(CliRun.run("with-lock", "--data-dir", data.toString(), "--", "true")
                .exitCode()).isZero();
        CliRun missing = CliRun.run("with-lock", "--data-dir", data.toString(), "--",
                dir.resolve("no-such-program").toString());
        assertThat(missing.exitCode()).isEqualTo(127);
        assertThat(missing.err()).contains("cannot start", "no-such-program");
        CliRun noDir = CliRun.run("with-lock", "--data-dir", dir.resolve("nope").toString(),
                "--", "true");
        assertThat(noDir.exitCode()).isEqualTo(6);

        Process holder = LockHolderMain.start(data);
        try {
            CliRun locked = CliRun.run("with-lock", "--data-dir", data.toString(), "--", "true");
            assertThat(locked.exitCode()).isEqualTo(5);
            assertThat(locked.err()).contains("is locked by pid " + holder.pid());
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void writersWaitForIt_andATarTakenUnderItRestoresLikeABackupUnderTheSameLock()
            throws Exception {
        Path data = storedData("A", 40);
        Path go = dir.resolve("go");
        Path tar = dir.resolve("nightly.tar.gz");
        Path backups = dir.resolve("backups");
        String backup = ChildCli.java(BackupUnderLockMain.class, data.toString(),
                backups.toString()).stream().map(a -> "'" + a + "'")
                .collect(Collectors.joining(" "));
        String script = "while [ ! -f '" + go + "' ]; do sleep 0.01; done; tar czf '" + tar
                + "' -C '" + dir + "' data && " + backup + " >/dev/null";
        CompletableFuture<CliRun> withLock = CompletableFuture.supplyAsync(() -> CliRun.run(
                "with-lock", "--wait", "30", "--data-dir", data.toString(), "--", "sh", "-c",
                script));
        ChildCli.await("with-lock to hold the lock", 60, () -> DataDirectoryLock.inspect(data)
                .kind() == DataDirectoryLock.LockState.Kind.HELD);

        Path inB = Files.writeString(dir.resolve("B.jsonl"), ChildCli.tickets("B", 40));
        Process waiting = ChildCli.start(dir.resolve("waiting.err"), "triage", inB.toString(),
                dir.resolve("B.out.jsonl").toString(), "--store", "file", "--data-dir",
                data.toString(), "--wait", "120");
        Process refused = ChildCli.start(dir.resolve("refused.err"), "tickets", "delete", "A-1",
                "--data-dir", data.toString());
        assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.exitValue()).isEqualTo(5);
        assertThat(Files.readString(dir.resolve("refused.err")))
                .contains("is locked by pid " + ProcessHandle.current().pid(), "with-lock sh -c");
        assertThat(waiting.isAlive()).isTrue();
        assertThat(ChildCli.ticketFiles(data)).isEqualTo(40);

        Instant released = Instant.now();
        Files.writeString(go, "");
        CliRun done = withLock.get(120, TimeUnit.SECONDS);
        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(waiting.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(waiting.exitValue()).as(Files.readString(dir.resolve("waiting.err")))
                .isZero();
        try (DataDirectory d = DataDirectory.openForReading(data, Clock.systemUTC())) {
            assertThat(d.tickets().count()).isEqualTo(80);
            List<RunRecord> runs = d.runs().list();
            assertThat(runs.get(0).command()).isEqualTo("triage");
            assertThat(runs.get(0).startedAt()).as("the waiting writer started only after "
                    + "with-lock let go").isAfterOrEqualTo(released.minusMillis(1));
        }

        Path archive;
        try (var s = Files.list(backups)) {
            archive = s.collect(Collectors.toList()).get(0);
        }
        Path fromTar = dir.resolve("from-tar");
        Path fromBackup = dir.resolve("from-backup");
        CliRun r1 = CliRun.run("restore", "--archive", tar.toString(), "--data-dir",
                fromTar.toString());
        assertThat(r1.exitCode()).as(r1.err()).isZero();
        assertThat(r1.out()).contains("restored 40 ticket(s)", "a plain tar");
        CliRun r2 = CliRun.run("restore", "--archive", archive.toString(), "--data-dir",
                fromBackup.toString());
        assertThat(r2.exitCode()).as(r2.err()).isZero();
        Map<String, byte[]> a = snapshot(fromTar);
        Map<String, byte[]> b = snapshot(fromBackup);
        assertThat(a.keySet()).isEqualTo(b.keySet()).anyMatch(n -> n.startsWith("tickets"))
                .anyMatch(n -> n.startsWith("audit")).anyMatch(n -> n.startsWith("runs"));
        a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
        assertThat(CliRun.run("health", "--min-free-mb", "0", "--data-dir",
                fromTar.toString()).exitCode()).isZero();
    }
}
