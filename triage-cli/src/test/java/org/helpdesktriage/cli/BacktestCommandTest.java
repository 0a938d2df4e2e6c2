package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backtest of a known change: the exact counts, teams, rule fires, accuracy and diff. */
class BacktestCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private Path history;
    private Path baseline;
    private Path candidate;

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

    @BeforeEach
    void files() throws IOException {
        history = dir.resolve("history.jsonl");
        Files.writeString(history, String.join("\n",
                ticket("T1", "refund please", "billing"),
                ticket("T2", "refund for a crash", "technical"),
                ticket("T3", "crash on start", "technical"),
                ticket("T4", "hello there", "general"),
                "{\"ticket_id\":\"T5\",\"title\":\"no requester\"}") + "\n");
        baseline = dir.resolve("old.json");
        Files.writeString(baseline, "{\"rules\":[" + rule("refund", "high", "refund", "billing")
                + "]}");
        // the change: crashes go to technical first, at critical
        candidate = dir.resolve("new.json");
        Files.writeString(candidate, "{\"rules\":[" + rule("crash", "critical", "crash",
                "technical") + "," + rule("refund", "high", "refund", "billing") + "]}");
    }

    @Test
    void aKnownChange_givesTheExactCountsAndDiff() throws IOException {
        Path diff = dir.resolve("diff.jsonl");
        CliRun run = CliRun.run("backtest", history.toString(), "--config", candidate.toString(),
                "--baseline", baseline.toString(), "--now", "2026-11-21T00:00:00Z",
                "--label-field", "true_category", "--diff", diff.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = MAPPER.readTree(run.out());
        assertThat(r.get("read").asLong()).isEqualTo(5);
        assertThat(r.get("total").asLong()).isEqualTo(4);
        assertThat(r.get("rejected_before").asLong()).isEqualTo(1);
        assertThat(r.get("rejected_after").asLong()).isEqualTo(1);
        // T2 (refund -> crash rule) and T3 (no rule -> crash rule)
        assertThat(r.get("changed").asLong()).isEqualTo(2);
        assertThat(r.get("changed_by_field").get("category").asLong()).isEqualTo(2);
        assertThat(r.get("changed_by_field").get("team").asLong()).isEqualTo(2);
        assertThat(r.get("changed_by_field").get("priority").asLong()).isEqualTo(2);
        // the default SLA policies go by priority
        assertThat(r.get("changed_by_field").get("sla_policy").asLong()).isEqualTo(2);
        assertThat(r.get("changed_by_field").get("rejected").asLong()).isZero();
        assertThat(r.get("teams").get("billing-team").get("tech-team").asLong()).isEqualTo(1);
        assertThat(r.get("teams").get("billing-team").get("billing-team").asLong()).isEqualTo(1);
        assertThat(r.get("teams").get("support-team").get("tech-team").asLong()).isEqualTo(1);
        assertThat(r.get("rules").get("refund").get("before").asLong()).isEqualTo(2);
        assertThat(r.get("rules").get("refund").get("after").asLong()).isEqualTo(1);
        assertThat(r.get("rules").get("crash").get("after").asLong()).isEqualTo(2);
        assertThat(r.get("labelled").asLong()).isEqualTo(4);
        assertThat(r.get("accuracy_before").asDouble()).isEqualTo(0.5);
        assertThat(r.get("accuracy_after").asDouble()).isEqualTo(1.0);

        List<String> lines = Files.readAllLines(diff);
        assertThat(lines).hasSize(2);
        JsonNode t2 = MAPPER.readTree(lines.get(0));
        assertThat(t2.get("ticket_id").asText()).isEqualTo("T2");
        assertThat(t2.get("line").asLong()).isEqualTo(2);
        assertThat(t2.get("changed").toString())
                .isEqualTo("[\"category\",\"team\",\"priority\",\"sla_policy\"]");
        assertThat(t2.get("before").get("rule").asText()).isEqualTo("refund");
        assertThat(t2.get("before").get("category").asText()).isEqualTo("billing");
        assertThat(t2.get("after").get("rule").asText()).isEqualTo("crash");
        assertThat(t2.get("after").get("priority").asText()).isEqualTo("critical");
        assertThat(MAPPER.readTree(lines.get(1)).get("ticket_id").asText()).isEqualTo("T3");
    }

    @Test
    void theSameConfiguration_changesNothing_andTwoRunsPrintTheSame() {
        CliRun first = CliRun.run("backtest", history.toString(), "--config", baseline.toString(),
                "--baseline", baseline.toString(), "--now", "2026-11-21T00:00:00Z");
        CliRun second = CliRun.run("backtest", history.toString(), "--config",
                baseline.toString(), "--baseline", baseline.toString(), "--now",
                "2026-11-21T00:00:00Z");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("changed 0 of 5");
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void aConfigurationThatDoesNotLoad_isNamed_exitThree() throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"match_mode\": \"sometimes\"}");

        CliRun badCandidate = CliRun.run("backtest", history.toString(), "--config",
                broken.toString(), "--baseline", baseline.toString());
        CliRun badBaseline = CliRun.run("backtest", history.toString(), "--config",
                candidate.toString(), "--baseline", broken.toString());
        CliRun noCandidate = CliRun.run("backtest", history.toString());

        assertThat(badCandidate.exitCode()).isEqualTo(3);
        assertThat(badCandidate.err()).contains("the candidate configuration (--config "
                + broken);
        assertThat(badBaseline.exitCode()).isEqualTo(3);
        assertThat(badBaseline.err()).contains("the baseline configuration (--baseline "
                + broken);
        assertThat(noCandidate.exitCode()).isEqualTo(2);
    }
}
