package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics file follows the Prometheus text format, whatever the label values hold. */
class MetricsTest {

    // the grammar of a sample line in the text format (0.0.4): name, labels, value
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*)} "
                    + "(\\S+)");
    private static final Pattern LABEL = Pattern.compile(
            "([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"");

    @TempDir
    Path dir;

    @Test
    void labelValues_withQuotesBackslashesAndNewlines_giveParseableLines() throws IOException {
        Metrics metrics = new Metrics("triage");
        String category = "sales \"eu\"";
        String path = "C:\\queue\\new";
        String twoLines = "first\nsecond";
        metrics.increment("helpdesk_triage_tickets_total",
                Map.of("category", category, "priority", path));
        metrics.increment("helpdesk_triage_tickets_total",
                Map.of("category", twoLines, "priority", "high"));
        Path file = dir.resolve("m.prom");
        metrics.write(file, 1.5, 0, Instant.parse("2026-11-23T09:00:00Z"));

        List<Map<String, String>> tickets = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as("a valid sample line: %s", line).isTrue();
            Double.parseDouble(m.group(3));
            if (m.group(1).equals("helpdesk_triage_tickets_total")) {
                tickets.add(labels(m.group(2)));
            }
        }
        assertThat(tickets).extracting(l -> l.get("category"))
                .containsExactlyInAnyOrder(category, twoLines);
        assertThat(tickets).extracting(l -> l.get("priority"))
                .containsExactlyInAnyOrder(path, "high");
    }

    @Test
    void everyMetric_hasHelpAndTypeLines() throws IOException {
        Metrics metrics = new Metrics("escalate");
        metrics.increment("helpdesk_triage_escalations_total", Map.of("priority", "high"));
        metrics.add("helpdesk_triage_tickets_checked_total", Map.of(), 3);
        Path file = dir.resolve("m.prom");
        metrics.write(file, 0.25, 0, Instant.parse("2026-11-23T09:00:00Z"));
        List<String> lines = Files.readAllLines(file);
        List<String> names = lines.stream().filter(l -> !l.startsWith("#"))
                .map(l -> l.substring(0, l.indexOf('{'))).distinct().toList();
        assertThat(names).contains("helpdesk_triage_escalations_total",
                "helpdesk_triage_tickets_checked_total", "helpdesk_triage_last_exit_code",
                "helpdesk_triage_last_success_timestamp_seconds");
        for (String name : names) {
            assertThat(lines).as(name).anyMatch(l -> l.startsWith("# HELP " + name + " "))
                    .anyMatch(l -> l.matches("# TYPE " + name + " (counter|gauge)"));
        }
    }

    @Test
    void failedRun_carriesTheLastSuccessOver() throws IOException {
        Path file = dir.resolve("m.prom");
        new Metrics("cleanup").write(file, 1, 0, Instant.ofEpochSecond(1_795_262_400L));
        new Metrics("cleanup").write(file, 1, 5, Instant.ofEpochSecond(1_795_266_000L));
        assertThat(Files.readAllLines(file)).contains(
                "helpdesk_triage_last_exit_code{command=\"cleanup\"} 5.0",
                "helpdesk_triage_last_run_timestamp_seconds{command=\"cleanup\"} 1.795266E9",
                "helpdesk_triage_last_success_timestamp_seconds{command=\"cleanup\"} 1.7952624E9");
    }

    private static Map<String, String> labels(String body) {
        Map<String, String> labels = new LinkedHashMap<>();
        Matcher m = LABEL.matcher(body);
        while (m.find()) {
            labels.put(m.group(1), unescape(m.group(2)));
        }
        return labels;
    }

    // as the text format's parsers read a label value: \\ \" and \n, left to right
    private static String unescape(String escaped) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\\') {
                char next = escaped.charAt(++i);
                sb.append(next == 'n' ? '\n' : next);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
