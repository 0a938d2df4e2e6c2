package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.helpdesktriage.store.file.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, class 6: a backup, a triage and a restore each killed with SIGKILL leave temporary
 * files, a staging directory and a temporary archive; health warns and does not fail, the next
 * run under the lock removes them from the data directory, cleanup from the backup directory.
 */
class LeftoversAfterKillTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void killedBackupRestoreAndTriage_leaveOnlyWarnings_thatTheNextRunsRemove() throws Exception {
        Path data = dir.resolve("data");
        Path backups = dir.resolve("backups");
        String big = "x".repeat(200_000);
        try (DataDirectory d = DataDirectory.openForWriting(data, "test", Duration.ZERO,
                OpsFixtures.CLOCK)) {
            for (int i = 0; i < 300; i++) {
                d.tickets().save(OpsFixtures.aTicket("BIG-" + i).description(big + i).build());
            }
        }
        CliRun good = OpsFixtures.cli("backup", "--out", dir.resolve("good").toString(),
                "--data-dir", data.toString());
        assertThat(good.exitCode()).as(good.err()).isZero();

        Process backup = ChildCli.start(dir.resolve("backup.err"), "backup", "--out",
                backups.toString(), "--data-dir", data.toString());
        ChildCli.await("the backup's temporary archive", 120, () -> !names(backups).isEmpty());
        backup.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(names(backups)).singleElement().asString()
                .startsWith(".tmp-helpdesk-triage-backup-");

        Path in = Files.writeString(dir.resolve("in.jsonl"), ChildCli.tickets("TKT", 600));
        Process triage = ChildCli.start(dir.resolve("triage.err"), "triage", in.toString(),
                dir.resolve("out.jsonl").toString(), "--store", "file", "--data-dir",
                data.toString());
        ChildCli.await("400 stored tickets", 120, () -> ChildCli.ticketFiles(data) >= 400);
        assertThat(triage.isAlive()).as("the triage is still writing when killed").isTrue();
        triage.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        // what a kill between a ticket's write and its rename leaves, whenever it falls there
        Files.writeString(data.resolve("tickets/.tmp-00ff00ff00ff00ff"), "{\"ticket_id\":\"TK");
        Process restore = ChildCli.start(dir.resolve("restore.err"), "restore", "--archive",
                good.out().trim(), "--data-dir", data.toString());
        ChildCli.await("the restore's staging directory", 120,
                () -> names(dir).stream().anyMatch(n -> n.startsWith("data.restore-staging-")));
        restore.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        assertThat(names(dir)).anyMatch(n -> n.startsWith("data.restore-staging-"));

        CliRun health = OpsFixtures.cli("health", "--min-free-mb", "0", "--data-dir",
                data.toString());
        assertThat(health.exitCode()).as(health.out()).isZero();
        JsonNode checks = MAPPER.readTree(health.out()).get("checks");
        assertThat(warnings(checks)).containsExactly("lock", "temporary files");
        assertThat(health.err()).contains("warning: temporary files", "restore-staging");

        CliRun rerun = OpsFixtures.cli("triage", in.toString(), dir.resolve("out.jsonl")
                .toString(), "--store", "file", "--data-dir", data.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.err()).contains("took over a stale lock left by pid " + restore.pid(),
                "removed the temporary file", "removed the restore staging directory");
        assertThat(names(dir)).noneMatch(n -> n.contains("staging"));
        CliRun healthy = OpsFixtures.cli("health", "--min-free-mb", "0", "--data-dir",
                data.toString());
        assertThat(healthy.exitCode()).isZero();
        assertThat(warnings(MAPPER.readTree(healthy.out()).get("checks"))).isEmpty();
        assertThat(OpsFixtures.cli("tickets", "count", "--data-dir", data.toString()).out()
                .trim()).isEqualTo("900");

        CliRun cleanup = OpsFixtures.cli("cleanup", "--older-than", "9999d", "--backups",
                backups.toString(), "--data-dir", data.toString());
        assertThat(cleanup.exitCode()).as(cleanup.err()).isZero();
        assertThat(cleanup.out()).contains("left by a backup that was interrupted");
        assertThat(names(backups)).isEmpty();
    }

    private static List<String> warnings(JsonNode checks) {
        List<String> out = new java.util.ArrayList<>();
        checks.forEach(c -> {
            if (c.path("warning").asBoolean()) {
                out.add(c.get("name").asText());
            }
        });
        return out;
    }

    private static List<String> names(Path d) {
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            return List.of();
        }
    }
}
