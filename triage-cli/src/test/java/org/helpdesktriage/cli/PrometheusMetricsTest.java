package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics files as Prometheus reads them: Prometheus' own parser ({@code promtool check
 * metrics}, from Debian's prometheus package, which .ci/run installs) accepts every file each
 * command writes; counters only grow from run to run; every series a command can write is
 * present at zero, so that an alert on {@code increase(...{stage="breached"}[1h]) > 0} sees the
 * first breach.
 */
class PrometheusMetricsTest {

    private static final String CONFIG = Path.of("..", "examples", "config-sla.json").toString();
    private static final String TICKETS = Path.of("..", "examples", "tickets.json").toString();

    @TempDir
    Path dir;

    @Test
    void everyCommandsFile_passesPromtool_andItsCountersOnlyGrow() throws Exception {
        String data = dir.resolve("data").toString();
        Path triage = dir.resolve("triage.prom");
        Path escalate = dir.resolve("escalate.prom");
        Path cleanup = dir.resolve("cleanup.prom");
        Path retry = dir.resolve("retry.prom");
        Path discard = dir.resolve("discard.prom");

        Map<Path, Map<String, Double>> before = new java.util.HashMap<>();
        for (int round = 1; round <= 2; round++) {
            CliRun t = CliRun.run("triage", TICKETS, dir.resolve("out.json").toString(),
                    "--config", CONFIG, "--store", "file", "--data-dir", data,
                    "--now", "2026-11-21T00:00:00Z", "--metrics-file", triage.toString(),
                    "--shadow", Path.of("..", "config.json").toString());
            assertThat(t.exitCode()).as(t.err()).isZero();
            Map<String, Double> samples = samples(triage);
            assertThat(samples).containsEntry(
                    "helpdesk_triage_records_total{command=\"triage\",outcome=\"triaged\"}",
                    26.0 * round)
                    .containsEntry(
                    "helpdesk_triage_records_total{command=\"triage\",outcome=\"rejected\"}", 0.0)
                    .containsKey("helpdesk_triage_tickets_total{category=\"feature\","
                            + "command=\"triage\",priority=\"critical\"}");
            assertThat(samples.get("helpdesk_triage_shadow_decisions_total{command=\"triage\","
                    + "result=\"agree\"}") + samples.get("helpdesk_triage_shadow_decisions_total"
                    + "{command=\"triage\",result=\"disagree\"}")).isEqualTo(26.0 * round);

            // every configured stage has its series, whether or not it applied yet
            CliRun e = CliRun.run("escalate", "--config", CONFIG, "--data-dir", data,
                    "--now", round == 1 ? "2026-11-21T00:00:01Z" : "2027-01-20T12:00:00Z",
                    "--metrics-file", escalate.toString());
            assertThat(e.exitCode()).as(e.err()).isZero();
            assertThat(samples(escalate)).containsKeys(
                    "helpdesk_triage_sla_stages_total{command=\"escalate\",stage=\"breached\"}",
                    "helpdesk_triage_sla_stages_total{command=\"escalate\",stage=\"senior\"}",
                    "helpdesk_triage_sla_stages_total{command=\"escalate\",stage=\"at_risk\"}",
                    "helpdesk_triage_escalations_total{command=\"escalate\",priority=\"low\"}");
            assertThat(samples(escalate)).containsKey(
                    "helpdesk_triage_escalations_total{command=\"escalate\",priority=\"low\"}");

            CliRun c = CliRun.run("cleanup", "--older-than", "P3650D", "--config", CONFIG,
                    "--data-dir", data, "--metrics-file", cleanup.toString());
            assertThat(c.exitCode()).as(c.err()).isZero();
            assertThat(samples(cleanup)).containsEntry(
                    "helpdesk_triage_cleaned_tickets_total{action=\"delete\",command=\"cleanup\"}",
                    0.0);

            CliRun r = CliRun.run("dead-letters", "retry", "--config", CONFIG, "--data-dir", data,
                    "--metrics-file", retry.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(samples(retry)).containsEntry(
                    "helpdesk_triage_retries_total{command=\"dead-letters retry\","
                            + "outcome=\"triaged\"}", 0.0);

            CliRun d = CliRun.run("dead-letters", "discard", "--older-than", "3650d", "--config",
                    CONFIG, "--data-dir", data, "--metrics-file", discard.toString());
            assertThat(d.exitCode()).as(d.err()).isZero();
            assertThat(samples(discard)).containsKey(
                    "helpdesk_triage_dead_letters_discarded_total{command=\"dead-letters discard\"}");

            for (Path file : List.of(triage, escalate, cleanup, retry, discard)) {
                promtool(file);
                Map<String, Double> now = samples(file);
                before.getOrDefault(file, Map.of()).forEach((series, value) -> {
                    if (series.contains("_total{")) {
                        assertThat(now.get(series)).as(series).isGreaterThanOrEqualTo(value);
                    }
                });
                before.put(file, now);
            }
        }
    }

    @Test
    void aFileWrittenByAnotherCommand_startsTheCountersFromZero() throws IOException {
        Path file = dir.resolve("m.prom");
        Metrics first = new Metrics("escalate");
        first.add("helpdesk_triage_tickets_checked_total", Map.of(), 5);
        first.write(file, 1, 0, java.time.Instant.EPOCH);
        Metrics second = new Metrics("cleanup");
        second.declare("helpdesk_triage_cleaned_tickets_total", Map.of("action", "delete"));
        second.write(file, 1, 0, java.time.Instant.EPOCH);
        Metrics third = new Metrics("cleanup");
        third.add("helpdesk_triage_cleaned_tickets_total", Map.of("action", "delete"), 2);
        third.write(file, 1, 0, java.time.Instant.EPOCH);

        assertThat(samples(file)).containsEntry(
                "helpdesk_triage_cleaned_tickets_total{action=\"delete\",command=\"cleanup\"}",
                2.0).doesNotContainKey("helpdesk_triage_tickets_checked_total{command=\"escalate\"}");
    }

    private static Map<String, Double> samples(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.startsWith("#"))
                .collect(Collectors.toMap(l -> l.substring(0, l.lastIndexOf(' ')),
                        l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))));
    }

    private static void promtool(Path file) throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeTrue(Files.isExecutable(promtool), "promtool is missing: apt-get install "
                + "prometheus (.ci/run does)");
        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics")
                .redirectInput(file.toFile()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("promtool check metrics on %s:%n%s%n%s", file, said,
                Files.readString(file)).isZero();
    }
}
