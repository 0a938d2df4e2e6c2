package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicatesEvaluateCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path SEAMONKEY = Path.of("..", "examples", "duplicates-seamonkey");
    private static final String HISTORY = SEAMONKEY.resolve("SeaMonkey_bugs.csv").toString();
    private static final String LINKS = SEAMONKEY.resolve("SeaMonkey_bugs-combined.csv")
            .toString();

    @TempDir
    Path dir;

    @Test
    void evaluateJson_onSeamonkey_printsTheFiguresWithIntervals() throws IOException {
        CliRun run = CliRun.run("duplicates", "evaluate", HISTORY, "--links", LINKS, "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode n = MAPPER.readTree(run.out());
        assertThat(n.get("reports").asInt()).isEqualTo(1076);
        assertThat(n.get("queries").asInt()).isEqualTo(46);
        assertThat(n.get("bad_rows").asInt()).isZero();
        assertThat(n.at("/recall_at_5/value").asDouble()).isGreaterThanOrEqualTo(0.84);
        assertThat(n.at("/mrr/value").asDouble()).isGreaterThanOrEqualTo(0.75);
        for (String figure : new String[] {"recall_at_1", "recall_at_10", "map"}) {
            assertThat(n.get(figure).get("low").asDouble())
                    .isLessThanOrEqualTo(n.get(figure).get("value").asDouble());
        }
        assertThat(n.at("/flagged/threshold").asDouble()).isEqualTo(0.6);
        assertThat(n.at("/flagged/top_k").asInt()).isEqualTo(3);
        assertThat(n.at("/flagged/pairs").asInt()).isPositive();
        assertThat(n.at("/flagged/precision").isNumber()).isTrue();
        assertThat(CliRun.run("duplicates", "evaluate", HISTORY, "--links", LINKS, "--json")
                .out()).isEqualTo(run.out());
    }

    @Test
    void evaluate_text_andPlainBm25_isTheBaseline() {
        CliRun run = CliRun.run("duplicates", "evaluate", HISTORY, "--links", LINKS,
                "--plain-bm25", "--top-k", "5", "--threshold", "0.5");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("plain words").contains("Recall@5").contains("MAP")
                .contains("flagged at threshold 0.50 (at most 5 per ticket)");
    }

    @Test
    void badRows_areNamed_andTheRunGoesOn() throws IOException {
        Path history = dir.resolve("bugs.csv");
        Files.writeString(history, "Summary,Issue id,Created,Description\n"
                + "VPN drops every hour,1,2020-01-02 17:14:21+00:00,the vpn client disconnects\n"
                + "VPN disconnects hourly,2,not a date,vpn client drops\n"
                + "VPN client drops every hour,3,2020-01-03 17:14:21+00:00,vpn disconnects\n");
        Path links = dir.resolve("links.csv");
        Files.writeString(links, "Issue id,Duplicate id\n3,1\n9,1\n");
        CliRun run = CliRun.run("duplicates", "evaluate", history.toString(), "--links",
                links.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("bugs.csv line 3: created_at (Created) 'not a date'");
        JsonNode n = MAPPER.readTree(run.out());
        assertThat(n.get("bad_rows").asInt()).isEqualTo(1);
        assertThat(n.get("links_outside").asInt()).isEqualTo(1);
        assertThat(n.get("queries").asInt()).isEqualTo(1);
        assertThat(n.at("/recall_at_1/value").asDouble()).isEqualTo(1.0);
    }

    @Test
    void missingFile_isExit3_namingIt() {
        CliRun run = CliRun.run("duplicates", "evaluate", dir.resolve("gone.csv").toString(),
                "--links", LINKS);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("gone.csv");
    }

    @Test
    void badOptions_areUsageErrors() {
        assertThat(CliRun.run("duplicates", "evaluate", HISTORY, "--links", LINKS,
                "--threshold", "1.5").exitCode()).isEqualTo(2);
        assertThat(CliRun.run("duplicates", "evaluate", HISTORY, "--links", LINKS,
                "--top-k", "0").exitCode()).isEqualTo(2);
        assertThat(CliRun.run("duplicates").exitCode()).isEqualTo(2);
    }
}
