package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 29, item 3: a full disk is its own failure (exit 7, "no space left on device writing
 * PATH"), the summary still counts every record (triaged, rejected or not processed), and the
 * rerun after space is freed completes with every ticket stored once. The file system is a
 * small tmpfs mounted for the test; where mounting is not permitted the test is skipped.
 */
class FullDiskTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private Path disk;

    private static boolean sh(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private Path smallDisk(String options) throws Exception {
        disk = Files.createDirectories(dir.resolve("disk"));
        boolean mounted = sh("mount", "-t", "tmpfs", "-o", options.contains("=") ? options
                : "size=" + options, "tmpfs", disk.toString());
        if (!mounted) {
            disk = null;
        }
        assumeTrue(mounted, "mounting a tmpfs is not permitted here");
        return disk;
    }

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            sh("umount", "-l", disk.toString());
        }
    }

    @Test
    void fullDataDirectory_exits7_namesThePath_countsEveryRecord_andTheRerunCompletes()
            throws Exception {
        Path data = smallDisk("1m").resolve("data");
        Path in = Files.writeString(dir.resolve("in.jsonl"), ChildCli.tickets("TKT", 1500)
                + "{\"ticket_id\":\"bad id\",\"title\":\"x\"}\n");
        String[] args = {"triage", in.toString(), dir.resolve("out.jsonl").toString(),
            "--store", "file", "--data-dir", data.toString(), "--parallelism", "1"};

        CliRun full = CliRun.run(args);

        assertThat(full.exitCode()).as(full.err()).isEqualTo(7);
        assertThat(full.err()).contains("error: no space left on device writing " + data)
                .contains("read 1501, triaged ", " not processed ")
                .doesNotContain("Exception", "unexpected error");
        assertThat(dir.resolve("out.jsonl")).doesNotExist();
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith(".tmp-"));
        }
        List<Path> runs;
        try (Stream<Path> s = Files.list(data.resolve("runs"))) {
            runs = s.toList();
        }
        assertThat(runs).as(full.err()).hasSize(1);
        JsonNode counts = MAPPER.readTree(runs.get(0).toFile()).get("counts");
        assertThat(counts.get("read").asLong()).isEqualTo(1501);
        assertThat(counts.get("triaged").asLong() + counts.get("rejected").asLong()
                + counts.get("not_processed").asLong()).isEqualTo(1501);
        assertThat(counts.get("not_processed").asLong()).isPositive();
        assertThat(counts.get("triaged").asLong()).as("some were stored before").isPositive();

        assertThat(sh("mount", "-o", "remount,size=256m", disk.toString())).isTrue();
        CliRun rerun = CliRun.run(args);

        assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(4);
        assertThat(rerun.err()).contains("read 1501, triaged 1500, rejected 1");
        assertThat(ChildCli.ticketFiles(data)).isEqualTo(1500);
        assertThat(Files.readAllLines(dir.resolve("out.jsonl"))).hasSize(1500);
        CliRun health = CliRun.run("health", "--data-dir", data.toString());
        assertThat(health.exitCode()).as(health.out()).isZero();
    }

    @Test
    void fullOutputDisk_exits7_namingTheUsersOutputPath_withASummary() throws Exception {
        Path out = smallDisk("64k").resolve("out.jsonl");
        Path in = Files.writeString(dir.resolve("in.jsonl"), ChildCli.tickets("TKT", 2000));

        CliRun run = CliRun.run("triage", in.toString(), out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(7);
        assertThat(run.err()).contains("error: no space left on device writing " + out)
                .contains("read 2000, triaged ", " not processed ")
                .doesNotContain(".tmp-", "Exception");
        try (Stream<Path> files = Files.list(disk)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void readOnlyOutputFolder_namesTheUsersOutputPath_neverATemporaryFile() throws Exception {
        Path out = smallDisk("ro,size=64k").resolve("out.jsonl");
        Path in = Files.writeString(dir.resolve("in.jsonl"), ChildCli.tickets("TKT", 3));

        CliRun run = CliRun.run("triage", in.toString(), out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: " + out + ": cannot be written: the folder "
                + disk + " does not accept new files (Read-only file system)")
                .doesNotContain(".tmp-", "unexpected", "Exception", "--verbose");
    }
}
