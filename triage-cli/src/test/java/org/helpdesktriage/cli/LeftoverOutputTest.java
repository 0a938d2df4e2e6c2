package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class 6 of issue 11, for output files: a triage killed with SIGKILL leaves its temporary files
 * beside OUTPUT and the rejects file; the next run writing there removes them, and leaves alone
 * the temporary file of a writer that is still running.
 */
class LeftoverOutputTest {

    @TempDir
    Path dir;

    @Test
    void killedRun_leavesTempFilesThatTheNextRunRemoves() throws Exception {
        Path out = dir.resolve("out.jsonl");
        Process killed = triageFromStdin(out);
        try (OutputStream in = killed.getOutputStream()) {
            in.write((HostileInputTest.good(1) + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertThat(awaitTempFiles(killed, 2)).as("temporary OUTPUT and rejects files")
                    .hasSize(2);
            killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            // the pipe broke as the child died: what it left is what is tested
        }
        assertThat(tempFiles()).hasSize(2);
        assertThat(out).doesNotExist();

        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, HostileInputTest.good(2) + "\n");
        CliRun rerun = CliRun.run("triage", in.toString(), out.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.err()).contains("left by a run that did not finish");
        assertThat(out).exists();
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void liveWritersTempFiles_areLeftAlone() throws Exception {
        Path out = dir.resolve("out.jsonl");
        Process alive = triageFromStdin(out);
        try (OutputStream stdin = alive.getOutputStream()) {
            stdin.write((HostileInputTest.good(1) + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            assertThat(awaitTempFiles(alive, 2)).hasSize(2);
            Path in = dir.resolve("in.jsonl");
            Files.writeString(in, HostileInputTest.good(2) + "\n");
            CliRun run = CliRun.run("triage", in.toString(), out.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).doesNotContain("left by a run");
            assertThat(tempFiles()).as("the live writer's files").hasSize(2);
        } finally {
            alive.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process triageFromStdin(Path out) throws IOException {
        return new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "triage", "-", out.toString(), "--format", "jsonl"))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private List<Path> awaitTempFiles(Process p, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<Path> temps = tempFiles();
        while (temps.size() < n && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            temps = tempFiles();
        }
        return temps;
    }

    private List<Path> tempFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().startsWith(".tmp-")).toList();
        }
    }
}
