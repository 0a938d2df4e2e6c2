package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.helpdesktriage.store.file.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs, made at test time, for classes 1 and 2 of issue 11: whatever is wrong with one
 * record is that record's rejection (and dead letter), the batch goes on, every later run and
 * every reading command works, and what a configuration lets in reads back.
 */
class HostileInputTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String GOOD = "{\"ticket_id\":\"TKT-%d\",\"title\":\"Printer jammed\","
            + "\"description\":\"The printer on floor 2 is jammed\","
            + "\"requester_email\":\"ann@example.com\"}";

    @TempDir
    Path dir;

    static String good(int n) {
        return String.format(GOOD, n);
    }

    private CliRun triage(Path in, String... more) {
        List<String> args = new ArrayList<>(List.of("triage", in.toString(),
                dir.resolve("out.jsonl").toString(), "--store", "file", "--data-dir",
                dir.resolve("data").toString()));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(String[]::new));
    }

    private List<JsonNode> rejects() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("out.jsonl.rejects.jsonl"))) {
            out.add(MAPPER.readTree(line));
        }
        return out;
    }

    private long deadLetters() {
        try (DataDirectory d = DataDirectory.openForReading(dir.resolve("data"),
                Clock.systemUTC())) {
            return d.deadLetters().count();
        }
    }

    @Test
    void class1_badRecords_areRejectedWithDeadLettersAndTheBatchGoesOn() throws IOException {
        Path in = dir.resolve("hostile.jsonl");
        try (OutputStream o = Files.newOutputStream(in)) {
            o.write((good(1) + "\n").getBytes(StandardCharsets.UTF_8));
            o.write(("{\"ticket_id\":\"TKT-2\",\"title\":1e999,\"description\":\"d\","
                    + "\"requester_email\":\"a@example.com\"}\n").getBytes(StandardCharsets.UTF_8));
            o.write(("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}\n")
                    .getBytes(StandardCharsets.UTF_8));
            o.write("{\"ticket_id\":\"TKT-4\",\"description\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] block = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 21; i++) {
                o.write(block);
            }
            o.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            o.write((good(5) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        CliRun run = triage(in);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
        assertThat(run.err()).contains("read 5, triaged 2, rejected 3");
        List<JsonNode> rejects = rejects();
        assertThat(rejects).extracting(r -> r.get("line").asInt()).containsExactly(2, 3, 4);
        assertThat(rejects.get(0).toString()).contains("\"field\":\"title\"",
                "title is 1000 characters; the limit is 200");
        assertThat(rejects.get(1).toString()).contains("max_nesting_depth");
        assertThat(rejects.get(2).toString()).contains("(max_record_length); it was skipped");
        assertThat(deadLetters()).isEqualTo(3);

        CliRun again = triage(in);
        assertThat(again.exitCode()).as(again.err()).isEqualTo(4);
        assertThat(deadLetters()).as("the same bad records count attempts, not letters")
                .isEqualTo(3);
        CliRun count = CliRun.run("tickets", "count", "--data-dir",
                dir.resolve("data").toString());
        assertThat(count.exitCode()).as(count.err()).isZero();
        assertThat(count.out()).contains("2");
    }

    @Test
    void class2_textTicketWithHugeMetadataValue_isRefusedAtTheDoor() throws IOException {
        Path in = dir.resolve("huge.txt");
        try (OutputStream o = Files.newOutputStream(in)) {
            o.write("ticket_id: TKT-1\ntitle: t\ndescription: d\nemail: a@example.com\nnote: "
                    .getBytes(StandardCharsets.UTF_8));
            byte[] block = "y".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 21; i++) {
                o.write(block);
            }
            o.write(("\n\nticket_id: TKT-2\ntitle: t\ndescription: d\nemail: a@example.com\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        CliRun run = triage(in);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
        assertThat(run.err()).contains("read 2, triaged 1, rejected 1");
        assertEveryReadingCommandWorks();
    }

    @Test
    void class2_csvWithA60000CharacterHeader_isRefusedNamingTheKey() throws IOException {
        Path in = dir.resolve("wide.csv");
        Files.writeString(in, "ticket_id,title,description,email," + "h".repeat(60_000)
                + "\nTKT-1,t,d,a@example.com,v\n");
        CliRun run = triage(in);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
        assertThat(rejects().get(0).toString()).contains("name of column 5 is 60000 characters"
                + " long, over the limit of 1000 (max_key_length)");
        assertEveryReadingCommandWorks();
    }

    @Test
    void class2_farFutureCreatedAt_isRejectedAndEscalateStillRuns() throws IOException {
        Path in = dir.resolve("future.jsonl");
        Files.writeString(in, "{\"ticket_id\":\"TKT-1\",\"title\":\"t\",\"description\":\"d\","
                + "\"requester_email\":\"a@example.com\","
                + "\"created_at\":\"+999999999-12-31T23:59:59Z\"}\n" + good(2) + "\n");
        CliRun run = triage(in);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
        assertThat(rejects().get(0).toString()).contains("created_at",
                "outside the supported range", "(min_timestamp, max_timestamp)");
        CliRun escalate = CliRun.run("escalate", "--data-dir", dir.resolve("data").toString());
        assertThat(escalate.exitCode()).as(escalate.err()).isZero();
    }

    @Test
    void class2_recordsAtTheCeilings_areStoredAndReadBack() throws IOException {
        String key = "k".repeat(10_000);
        String deep = "[".repeat(99) + "]".repeat(99);
        Path in = dir.resolve("ceiling.jsonl");
        Files.writeString(in, "{\"ticket_id\":\"TKT-1\",\"title\":\"t\",\"description\":\"d\","
                + "\"requester_email\":\"a@example.com\",\"" + key + "\":\"" + "v".repeat(2_000_000)
                + "\",\"deep\":" + deep + "}\n");
        CliRun run = triage(in, "--set", "max_key_length=10000", "--set",
                "max_field_length=16000000", "--set", "max_record_length=16000000", "--set",
                "max_nesting_depth=100");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertEveryReadingCommandWorks();
        CliRun list = CliRun.run("tickets", "list", "--data-dir", dir.resolve("data").toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("TKT-1");
    }

    private void assertEveryReadingCommandWorks() {
        String data = dir.resolve("data").toString();
        for (String[] args : List.of(new String[] {"tickets", "count", "--data-dir", data},
                new String[] {"health", "--data-dir", data},
                new String[] {"backup", "--data-dir", data, "--out",
                        dir.resolve("backups").toString()})) {
            CliRun r = CliRun.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
        }
    }
}
