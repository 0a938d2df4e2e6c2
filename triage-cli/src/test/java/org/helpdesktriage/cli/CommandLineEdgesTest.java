package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Class 7 of issue 11: the edges of the command line fail clearly or work, never lose data. */
class CommandLineEdgesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private Path input() throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, HostileInputTest.good(1) + "\n{\"ticket_id\":\"bad id\"}\n");
        return in;
    }

    @Test
    void standardInput_withoutFormat_isDetectedFromItsContent() {
        CliRun run = CliRun.runWith(Map.of(), HostileInputTest.good(1) + "\n"
                + HostileInputTest.good(2) + "\n", "triage", "-",
                dir.resolve("out.jsonl").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("read 2, triaged 2");
    }

    @Test
    void rejectsEqualToOutput_isAUsageErrorAndWritesNothing() throws IOException {
        Path out = dir.resolve("out.jsonl");
        CliRun run = CliRun.run("triage", input().toString(), out.toString(), "--rejects",
                dir.resolve(".").resolve("out.jsonl").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--rejects", "is the same file as OUTPUT", "would be lost");
        assertThat(out).doesNotExist();
    }

    @Test
    void outputNamingADirectory_commitsNothing() throws IOException {
        Path target = Files.createDirectory(dir.resolve("results"));
        CliRun run = CliRun.run("triage", input().toString(), target.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is a directory");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("in.jsonl", "results");
        }
    }

    @Test
    void hugeWait_isAUsageError() {
        CliRun run = CliRun.run("tickets", "delete", "X", "--wait", "9223372036854775807",
                "--data-dir", dir.resolve("data").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--wait must be between 0 and 604800 seconds")
                .doesNotContain("overflow");
    }

    @Test
    void hugeCleanupAges_areUsageErrors() {
        for (String age : List.of("99999999999999999999d", "106751991167300d",
                "PT9999999999999999H", "36501d")) {
            CliRun run = CliRun.run("cleanup", "--older-than", age, "--data-dir",
                    dir.resolve("data").toString());
            assertThat(run.exitCode()).as(age + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).contains("too long an age").doesNotContain("overflow");
        }
    }

    @Test
    void weightsThatOverflow_areAConfigurationErrorNamingTheKey() throws IOException {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"scoring\": {\"weights\": {\"priority\": 1e308,"
                + " \"urgency\": 1e308}}}");
        CliRun run = CliRun.run("triage", input().toString(), dir.resolve("o.jsonl").toString(),
                "--config", config.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("scoring.weights add up to more than");
    }

    @Test
    void configurationErrors_sayWhatIsWrongWithoutNullOrExceptionText() throws IOException {
        Path config = dir.resolve("config.json");
        for (String text : List.of("{\"store_type\": null}", "{\"cache_ttl\": \"soon\"}",
                "{\"max_keys\": 99999999999}", "{\"scoring\": {\"urgency_keywords\": [null]}}",
                "{\"max_timestamp\": \"someday\"}", "{\"max_nesting_depth\": 1000}")) {
            Files.writeString(config, text);
            CliRun run = CliRun.run("triage", input().toString(),
                    dir.resolve("o.jsonl").toString(), "--config", config.toString());
            assertThat(run.exitCode()).as(text + ": " + run.err()).isEqualTo(3);
            assertThat(run.err()).as(text).doesNotContain(": null\n", "Exception", "java.",
                    "Cannot invoke", "`");
        }
    }

    @Test
    void invalidUtf8_isNotedNamingTheRecordAndField() throws IOException {
        Path in = dir.resolve("latin1.jsonl");
        byte[] head = "{\"ticket_id\":\"TKT-1\",\"title\":\"Caf".getBytes(StandardCharsets.UTF_8);
        byte[] tail = (" down\",\"description\":\"d\",\"requester_email\":\"a@example.com\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xE9; // é in Latin-1, not UTF-8
        System.arraycopy(tail, 0, all, head.length + 1, tail.length);
        Files.write(in, all);
        Path out = dir.resolve("out.jsonl");
        CliRun run = CliRun.run("triage", in.toString(), out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = MAPPER.readTree(Files.readAllLines(out).get(0));
        assertThat(result.get("ticket").get("title").asText()).isEqualTo("Caf\uFFFD down");
        assertThat(result.get("notes").toString())
                .contains("invalid UTF-8 read as U+FFFD in field 'title'");
    }

    @Test
    void csvOutput_neutralisesCellsASpreadsheetWouldRun() throws IOException {
        Path in = dir.resolve("formula.jsonl");
        Files.writeString(in, "{\"ticket_id\":\"TKT-1\",\"title\":\"=HYPERLINK(\\\"http://x\\\")\","
                + "\"description\":\"@SUM(1+1)\",\"requester_email\":\"a@example.com\","
                + "\"tags\":[\"-2+3\"]}\n");
        Path out = dir.resolve("out.csv");
        CliRun run = CliRun.run("triage", in.toString(), out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String csv = Files.readString(out);
        assertThat(csv).contains("'=HYPERLINK(", "'@SUM(1+1)", "'-2+3")
                .doesNotContain(",=HYPERLINK", ",@SUM");
    }
}
