package org.helpdesktriage.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.helpdesktriage.core.BatchTriage;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.TriageResult;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.ingest.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TriageJobTest {

    private static final String GOOD = "{\"ticket_id\":\"T-%d\",\"title\":\"Printer %d is "
            + "broken\",\"description\":\"it will not print\",\"requester_email\":\"a@example.com\","
            + "\"created_at\":\"2026-01-05T09:00:00Z\"}";
    private static final String BAD = "{\"ticket_id\":\"B-%d\",\"title\":\"\"}";

    @TempDir
    Path dir;

    private final TriageEngine engine = TriageEngine.builder()
            .config(TriageConfig.defaults())
            .clock(Clock.fixed(Instant.parse("2026-01-06T10:00:00Z"), ZoneOffset.UTC))
            .build();

    private Path input(int good, int bad) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.max(good, bad); i++) {
            if (i < good) {
                lines.add(GOOD.formatted(i, i));
            }
            if (i < bad) {
                lines.add(BAD.formatted(i));
            }
        }
        return Files.write(dir.resolve("in.jsonl"), lines);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void everyRecordEndsInTheOutputOrTheRejects_inInputOrder(int parallelism) throws IOException {
        Path out = dir.resolve("out.jsonl");
        Path rejects = dir.resolve("out.rejects.jsonl");
        List<String> told = new ArrayList<>();
        BatchTriage.Summary summary = TriageJob.builder(engine).input(input(1200, 7)).output(out)
                .rejects(rejects).parallelism(parallelism)
                .listener(new TriageJob.Listener() {
                    @Override
                    public void triaged(TriageResult result) {
                        told.add(result.ticket().ticketId());
                    }

                    @Override
                    public void rejected(Rejection rejection) {
                        told.add("rejected");
                    }
                }).build().run();

        assertThat(summary.read()).isEqualTo(1207);
        assertThat(summary.triaged()).isEqualTo(1200);
        assertThat(summary.rejected()).isEqualTo(7);
        List<String> results = Files.readAllLines(out);
        assertThat(results).hasSize(1200);
        assertThat(results.get(0)).contains("\"ticket_id\":\"T-0\"");
        assertThat(results.get(1199)).contains("\"ticket_id\":\"T-1199\"");
        assertThat(Files.readAllLines(rejects)).hasSize(7)
                .allSatisfy(r -> assertThat(r).contains("title"));
        assertThat(told).hasSize(1207).startsWith("T-0", "rejected", "T-1", "rejected");
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("in.jsonl", "out.jsonl",
                "out.rejects.jsonl");
    }

    @Test
    void theFormatComesFromTheOutputFilesExtension() throws IOException {
        Path out = dir.resolve("out.csv");
        TriageJob job = TriageJob.builder(engine).input(input(2, 0)).output(out)
                .rejects(dir.resolve("r.jsonl")).build();
        job.run();
        assertThat(Files.readAllLines(out).get(0)).startsWith("ticket_id,");
    }

    @Test
    void aStopReadsNoFurtherRecord_andCompletesWithWhatWasRead() throws IOException {
        AtomicInteger asked = new AtomicInteger();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchTriage.Summary summary = TriageJob.builder(engine).input(input(50, 0))
                .output(out).rejects(new ByteArrayOutputStream()).parallelism(1)
                .stopWhen(() -> asked.incrementAndGet() > 10).build().run();
        assertThat(summary.read()).isEqualTo(10);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("T-9").doesNotContain("T-10");
    }

    @Test
    void leftoversOfAKilledRunAreRemovedAndTold() throws Exception {
        Path out = dir.resolve("out.json");
        // a temporary file named as AtomicOutput names them (a tag of the target's name, the
        // writer's process id), whose writer is gone
        String tag = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("out.json".getBytes(StandardCharsets.UTF_8)), 0, 4);
        Path leftover = Files.writeString(dir.resolve(".tmp-" + tag + "-999999999-1"), "half");
        List<Path> removed = new ArrayList<>();
        TriageJob.builder(engine).input(input(1, 0)).output(out)
                .rejects(dir.resolve("r.jsonl")).listener(new TriageJob.Listener() {
                    @Override
                    public void leftoverRemoved(Path p) {
                        removed.add(p);
                    }
                }).build().run();
        assertThat(removed).containsExactly(leftover);
        assertThat(leftover).doesNotExist();
    }

    @Test
    void aMissingInputIsNamed_andNoOutputIsWritten() {
        Path missing = dir.resolve("nope.jsonl");
        assertThatThrownBy(() -> TriageJob.builder(engine).input(missing))
                .isInstanceOf(TriageException.class)
                .hasMessageContaining("nope.jsonl")
                .extracting(e -> ((TriageException) e).code())
                .isEqualTo(ErrorCode.INPUT_UNREADABLE);
        assertThat(dir.resolve("out.json")).doesNotExist();
    }

    @Test
    void aJobWithoutOutputsIsRefusedWhenBuilt() throws IOException {
        TriageJob.Builder job = TriageJob.builder(engine).input(input(1, 0));
        assertThatThrownBy(job::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("output");
        assertThatThrownBy(job.output(dir.resolve("o.json"))::build)
                .hasMessageContaining("rejects");
    }
}
