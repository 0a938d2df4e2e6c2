package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesktriage.cli.OpsFixtures.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.helpdesktriage.store.DeadLetter;
import org.helpdesktriage.store.RunRecord;
import org.helpdesktriage.store.file.DeadLetters;
import org.helpdesktriage.store.file.RunRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsAndDeadLettersCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path root;

    @BeforeEach
    void records() {
        RunRecords runs = new RunRecords(root);
        runs.save(run("run-1", "2026-11-22T10:00:00Z", 0));
        runs.save(run("run-2", "2026-11-23T10:00:00Z", 4));
        runs.save(run("run-3", "2026-11-21T10:00:00Z", 0));
        DeadLetters letters = new DeadLetters(root);
        letters.save(new DeadLetter("dl-2", Instant.parse("2026-11-23T10:00:05Z"), "run-2",
                "in.jsonl line 7", "requester_email 'a@b' is not a valid address",
                Map.of("ticket_id", "TKT-7"), 1));
        letters.save(new DeadLetter("dl-1", Instant.parse("2026-11-22T10:00:05Z"), null,
                "in.jsonl line 2", "title is missing", Map.of("ticket_id", "TKT-2"), 3));
    }

    private static RunRecord run(String id, String start, int exit) {
        Instant t = Instant.parse(start);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("read", 10L);
        counts.put("triaged", exit == 0 ? 10L : 9L);
        return new RunRecord(id, "triage in.jsonl", t, t.plusMillis(1500), exit,
                Map.of("input", "in.jsonl"), counts);
    }

    @Test
    void runsList_newestFirstAsATableAndLimitedJson() throws IOException {
        CliRun table = cli("runs", "list", "--data-dir", root.toString());
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out().lines().skip(1).map(l -> l.split(" ")[0]))
                .containsExactly("run-2", "run-1", "run-3");
        assertThat(table.out()).contains("read=10, triaged=9");

        CliRun json = cli("runs", "list", "--json", "--limit", "1", "--data-dir",
                root.toString());
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode runs = MAPPER.readTree(json.out());
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("run_id").asText()).isEqualTo("run-2");
        assertThat(runs.get(0).get("exit_code").asInt()).isEqualTo(4);
    }

    @Test
    void runsShow_printsTheRecord() throws IOException {
        CliRun run = cli("runs", "show", "run-1", "--data-dir", root.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode n = MAPPER.readTree(run.out());
        assertThat(n.get("duration_ms").asLong()).isEqualTo(1500);
        assertThat(n.get("input").asText()).isEqualTo("in.jsonl");
        assertThat(n.get("counts").get("read").asLong()).isEqualTo(10);
    }

    @Test
    void runsShow_unknownRun_exitsOne() {
        CliRun run = cli("runs", "show", "run-9", "--data-dir", root.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no run 'run-9' in " + root);
    }

    @Test
    void runsList_unreadableRecord_exitsSixNamingIt() throws IOException {
        Path bad = Files.writeString(root.resolve("runs").resolve("BROKEN.json"), "{");
        CliRun run = cli("runs", "list", "--data-dir", root.toString());
        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(run.err()).contains(bad.toString());
    }

    @Test
    void deadLettersList_oldestFirst() throws IOException {
        CliRun table = cli("dead-letters", "list", "--data-dir", root.toString());
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out().lines().skip(1).map(l -> l.split(" ")[0]))
                .containsExactly("dl-1", "dl-2");
        assertThat(table.out()).contains("title is missing");

        CliRun json = cli("dead-letters", "list", "--json", "--data-dir", root.toString());
        JsonNode letters = MAPPER.readTree(json.out());
        assertThat(letters.get(1).get("reason").asText()).contains("a@b");
        assertThat(letters.get(1).get("record").get("ticket_id").asText()).isEqualTo("TKT-7");
        assertThat(letters.get(0).get("attempts").asInt()).isEqualTo(3);
    }

    @Test
    void deadLettersList_unreadableFile_exitsSixNamingIt() throws IOException {
        Path bad = Files.writeString(root.resolve("dead-letters").resolve("X.json"), "[]");
        CliRun run = cli("dead-letters", "list", "--data-dir", root.toString());
        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(run.err()).contains(bad.toString());
    }
}
