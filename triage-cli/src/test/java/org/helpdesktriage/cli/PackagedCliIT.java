package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar as a real process, as bin/helpdesk-triage does. */
class PackagedCliIT {

    private static final Path JAR = Path.of("target", "helpdesk-triage-all.jar");

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("cli", ".out");
        Path err = Files.createTempFile("cli", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void packagedJar_triagesTheExampleWithErrors() throws Exception {
        Path out = dir.resolve("out.jsonl");
        Result r = run("../examples/tickets-with-errors.jsonl", out.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(4);
        assertThat(r.err()).contains("read 14, triaged 8, rejected 6");
        assertThat(Files.readAllLines(out)).hasSize(8);
        assertThat(Files.readAllLines(dir.resolve("out.jsonl.rejects.jsonl"))).hasSize(6);
    }

    @Test
    void packagedJar_versionAndUsageError() throws Exception {
        assertThat(run("--version").out()).startsWith("helpdesk-triage 0.1.0");
        Result usage = run("--no-such-option");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).startsWith("error: ");
    }

    /** Lucene finds its codec through META-INF/services, which the shaded jar must merge. */
    @Test
    void packagedJar_evaluatesDuplicates_withLuceneInsideTheJar() throws Exception {
        Result r = run("duplicates", "evaluate",
                "../examples/duplicates-seamonkey/SeaMonkey_bugs.csv", "--links",
                "../examples/duplicates-seamonkey/SeaMonkey_bugs-combined.csv", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"queries\" : 46");
    }
}
