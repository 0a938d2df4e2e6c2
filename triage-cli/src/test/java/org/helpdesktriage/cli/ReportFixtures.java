package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Known inputs of the HTML report tests, each written under a test's folder. */
final class ReportFixtures {

    static final String HOSTILE_TITLE = "<script>alert(1)</script> & \"quoted\"";
    private static final String[][] WORDS = {
        {"Billing", "invoice refund payment charge card receipt"},
        {"Bug", "crash stack trace exception broken button error"},
        {"Feature", "please add support option wish would like new"}};

    private ReportFixtures() {
    }

    /** Writes 60 labelled tickets of three kinds (a text field and a label, kind). */
    static Path labelled(Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("Text,Kind\n");
        for (int i = 0; i < 60; i++) {
            String[] row = WORDS[i % 3];
            String[] w = row[1].split(" ");
            csv.append(w[i % w.length]).append(' ').append(w[(i + 2) % w.length])
                    .append(" ticket number ").append(i).append(',').append(row[0]).append('\n');
        }
        Path file = dir.resolve("labelled.csv");
        Files.writeString(file, csv);
        return file;
    }

    private static String ticket(String id, String title, String label) {
        return "{\"ticket_id\":\"" + id + "\",\"title\":\"" + title + "\",\"description\":\""
                + title + "\",\"requester_email\":\"a@example.com\",\"created_at\":"
                + "\"2026-11-20T10:00:00Z\",\"true_category\":\"" + label + "\"}";
    }

    private static String rule(String id, String priority, String word, String category) {
        return "{\"id\":\"" + id + "\",\"priority\":\"" + priority + "\",\"condition\":"
                + "{\"field\":\"text\",\"op\":\"contains_any_word\",\"value\":[\"" + word
                + "\"]},\"actions\":{\"category\":\"" + category + "\"}}";
    }

    /**
     * Writes a history, a baseline and a candidate that sends crashes to technical first, and
     * returns the backtest's arguments (two records change, one is rejected under both).
     */
    static List<String> backtest(Path dir) throws IOException {
        Path history = dir.resolve("history.jsonl");
        Files.writeString(history, String.join("\n",
                ticket("T1", "refund please", "billing"),
                ticket("T2", "refund for a crash", "technical"),
                ticket("T3", "crash on start", "technical"),
                ticket("T4", "hello there", "general"),
                "{\"ticket_id\":\"T5\",\"title\":\"no requester\"}") + "\n");
        Path baseline = dir.resolve("old.json");
        Files.writeString(baseline, "{\"rules\":[" + rule("refund", "high", "refund", "billing")
                + "]}");
        Path candidate = dir.resolve("new.json");
        Files.writeString(candidate, "{\"rules\":[" + rule("crash", "critical", "crash",
                "technical") + "," + rule("refund", "high", "refund", "billing") + "]}");
        return List.of("backtest", history.toString(), "--config", candidate.toString(),
                "--baseline", baseline.toString(), "--now", "2026-11-21T00:00:00Z",
                "--label-field", "true_category");
    }

    private static String stored(String id, String priority, String title, String extra) {
        return "{\"ticket_id\":\"" + id + "\",\"title\":\"" + title.replace("\"", "\\\"")
                + "\",\"description\":\"jam\",\"requester_email\":\"a@example.com\","
                + "\"priority\":\"" + priority + "\",\"created_at\":\"2026-11-23T09:00:00Z\""
                + extra + "}";
    }

    /**
     * Writes a data directory (built-in SLA policies, business hours 09:00-17:00 UTC) that at
     * 2026-11-23T15:00Z holds two breached tickets (one titled {@link #HOSTILE_TITLE}), one at
     * risk and one resolved in time, from two runs, the second of which rejected a record.
     */
    static Path slaStore(Path dir) throws IOException {
        Path data = dir.resolve("data");
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n",
                stored("TKT-HIGH", "high", "Printer", ""),
                stored("TKT-XSS", "high", HOSTILE_TITLE, ""),
                stored("TKT-LOW", "low", "Printer", ""),
                stored("TKT-DONE", "low", "Printer",
                        ",\"status\":\"resolved\",\"resolved_at\":\"2026-11-23T11:30:00Z\"")));
        CliRun first = CliRun.run("triage", in.toString(), dir.resolve("out.json").toString(),
                "--store", "file", "--data-dir", data.toString(), "--now",
                "2026-11-23T12:00:00Z");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Files.writeString(in, stored("TKT-BAD", "low", "Printer", "")
                .replace("a@example.com", "a@b"));
        CliRun second = CliRun.run("triage", in.toString(), dir.resolve("out.json").toString(),
                "--store", "file", "--data-dir", data.toString(), "--now",
                "2026-11-23T12:30:00Z", "--no-fail-on-reject");
        assertThat(second.exitCode()).as(second.err()).isZero();
        return data;
    }

    /** Writes a data directory with no ticket and no run record. */
    static Path emptyStore(Path dir) throws IOException {
        Path data = dir.resolve("empty");
        Path in = dir.resolve("none.jsonl");
        Files.writeString(in, "");
        CliRun run = CliRun.run("triage", in.toString(), dir.resolve("none.json").toString(),
                "--store", "file", "--data-dir", data.toString(), "--now",
                "2026-11-23T09:00:00Z");
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Stream<Path> runs = Files.list(data.resolve("runs"))) {
            for (Path r : runs.toList()) {
                Files.delete(r);
            }
        }
        return data;
    }
}
