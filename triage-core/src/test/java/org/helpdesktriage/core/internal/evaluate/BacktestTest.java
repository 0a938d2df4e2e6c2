package org.helpdesktriage.core.internal.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.ingest.RecordReader;
import org.helpdesktriage.core.ingest.RecordReaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backtest's report and changes do not depend on how many threads triage. */
class BacktestTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"),
            ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void oneThreadAndFour_giveTheSameReportAndChangesInInputOrder() throws IOException {
        StringBuilder history = new StringBuilder();
        String[] words = {"refund", "crash", "password", "hello", "invoice"};
        for (int i = 0; i < 10_000; i++) {
            history.append("{\"ticket_id\":\"T").append(i).append("\",\"title\":\"")
                    .append(words[i % words.length]).append(" ").append(words[(i / 5) % 5])
                    .append("\",\"description\":\"text\",\"requester_email\":\"a@example.com\","
                            + "\"created_at\":\"2026-11-20T10:00:00Z\"}\n");
        }
        Path file = dir.resolve("history.jsonl");
        Files.writeString(file, history);
        Path candidateFile = dir.resolve("new.json");
        Files.writeString(candidateFile, "{\"rules\":[{\"id\":\"crash\",\"priority\":"
                + "\"critical\",\"condition\":{\"field\":\"text\",\"op\":\"contains_any_word\","
                + "\"value\":[\"crash\"]},\"actions\":{\"category\":\"technical\"}}]}");
        TriageConfig baseline = TriageConfig.defaults();
        TriageConfig candidate = ConfigLoader.load(candidateFile);

        List<BacktestChange> one = new ArrayList<>();
        List<BacktestChange> four = new ArrayList<>();
        BacktestReport a;
        BacktestReport b;
        try (RecordReader r = RecordReaders.open(file)) {
            a = Backtest.of(baseline, candidate, CLOCK).run(r, null, one::add, 1);
        }
        try (RecordReader r = RecordReaders.open(file)) {
            b = Backtest.of(baseline, candidate, CLOCK).run(r, null, four::add, 4);
        }

        assertThat(a.read()).isEqualTo(10_000);
        assertThat(a.changed()).isPositive().isEqualTo(b.changed());
        assertThat(b.byField()).isEqualTo(a.byField());
        assertThat(b.teams()).isEqualTo(a.teams());
        assertThat(four).isEqualTo(one);
    }
}
