package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.helpdesktriage.core.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs with the same --now, input and configuration write the same bytes. */
class ReproducibleRunTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NOW = "2026-11-23T09:00:00Z";

    @TempDir
    Path dir;

    /** Returns every file under {@code root} (relative path to SHA-256 of its bytes). */
    static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), sha256(Files.readAllBytes(p)));
            }
        }
        return files;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path input() throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"id\":\"TKT-1\",\"title\":\"Locked out\",\"description\":\"locked\","
                        + "\"requester_email\":\"a@example.com\",\"created_at\":\"2026-11-20T10:00:00Z\"}",
                "{\"id\":\"TKT-2\",\"title\":\"Refund\",\"description\":\"payment failed\","
                        + "\"requester_email\":\"b@example.com\",\"category\":\"billing\"}",
                "{\"id\":\"TKT-3\",\"title\":\"Hi\",\"description\":\"x\",\"requester_email\":\"a@b\"}"));
        return in;
    }

    private CliRun triage(Path in, Path work) {
        return CliRun.run("triage", in.toString(), work.resolve("out.json").toString(),
                "--store", "file", "--data-dir", work.resolve("data").toString(),
                "--metrics-file", work.resolve("metrics.prom").toString(), "--now", NOW);
    }

    @Test
    void twoRunsAtTheSameNow_writeByteIdenticalOutputRejectsDataDirectoryAndMetrics()
            throws IOException {
        Path in = input();
        Path work = dir.resolve("work");
        assertThat(triage(in, work).exitCode()).isEqualTo(4);
        Map<String, String> first = tree(work);
        // the same command again on a fresh directory at the same paths: run records name them
        Files.move(work, dir.resolve("first"));
        assertThat(triage(in, work).exitCode()).isEqualTo(4);
        Map<String, String> second = tree(work);

        assertThat(first).containsKeys("out.json", "out.json.rejects.jsonl", "metrics.prom",
                "data/audit/audit-2026-11-23.jsonl", "data/tickets/TKT-1.json")
                .anySatisfy((name, hash) -> assertThat(name).startsWith("data/runs/20261123T090000Z-"))
                .anySatisfy((name, hash) -> assertThat(name).startsWith("data/dead-letters/"));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aSecondRunAtTheSameNowOnTheSameData_getsAnotherRunId() throws IOException {
        Path in = input();
        triage(in, dir);
        triage(in, dir);
        try (Stream<Path> runs = Files.list(dir.resolve("data/runs"))) {
            assertThat(runs.map(p -> p.getFileName().toString()))
                    .hasSize(2).allSatisfy(n -> assertThat(n).startsWith("20261123T090000Z-"));
        }
    }

    @Test
    void everyResult_andTheRunRecord_carryTheConfigurationFingerprint() throws IOException {
        Path in = input();
        triage(in, dir);
        String expected = ConfigLoader.fingerprint(ConfigLoader.load(Optional.empty(), Map.of(),
                Map.of("store_type", "file")));
        JsonNode results = MAPPER.readTree(dir.resolve("out.json").toFile());
        assertThat(results).hasSize(2)
                .allSatisfy(r -> assertThat(r.get("config_fingerprint").asText())
                        .isEqualTo(expected));
        try (Stream<Path> runs = Files.list(dir.resolve("data/runs"))) {
            JsonNode run = MAPPER.readTree(runs.findFirst().orElseThrow().toFile());
            assertThat(run.get("config_fingerprint").asText()).isEqualTo(expected);
        }
    }

    @Test
    void aNowThatIsNotATime_isAUsageError() {
        CliRun run = CliRun.run("triage", "in.json", "--now", "next tuesday");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'next tuesday' is not a time");
    }
}
