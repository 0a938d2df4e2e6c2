package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress bar shows on a terminal only, and says records, rate, percent and time left. */
class ProgressTest {

    @TempDir
    Path dir;
    Path in;

    @BeforeEach
    void input() throws IOException {
        StringJoiner lines = new StringJoiner("\n");
        for (int i = 0; i < 50; i++) {
            lines.add("{\"ticket_id\":\"TKT-" + i + "\",\"title\":\"t\",\"description\":\"d\","
                    + "\"requester_email\":\"a@example.com\"}");
        }
        in = Files.writeString(dir.resolve("in.jsonl"), lines.toString());
    }

    private CliRun run(boolean terminal, String... more) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[more.length + 4];
        args[0] = in.toString();
        args[1] = dir.resolve("out.jsonl").toString();
        args[2] = "--parallelism";
        args[3] = "1";
        System.arraycopy(more, 0, args, 4, more.length);
        // every reading of the clock is half a second later: a long run, without waiting
        int code = Main.run(new Main.Environment(Map.of(), new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true), new PrintWriter(err, true),
                new SteppingClock(Duration.ofMillis(500)), terminal), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Test
    void onATerminal_aLongRunDrawsRecordsRatePercentAndTimeLeft_thenErasesIt() {
        CliRun run = run(true);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).containsPattern("\r\\d+ records, [\\d,]+ records/s, 100% of input, "
                + "ETA 0:00");
        String last = run.err().substring(run.err().lastIndexOf('\r') + 1);
        assertThat(last).startsWith("helpdesk-triage: read 50, triaged 50, rejected 0");
        assertThat(Files.exists(dir.resolve("out.jsonl"))).isTrue();
    }

    @Test
    void notATerminal_drawsNothing() {
        CliRun run = run(false);
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).doesNotContain("\r", "records/s")
                .startsWith("helpdesk-triage: read 50");
    }

    @Test
    void quietOnATerminal_drawsNothing() {
        CliRun run = run(true, "--quiet");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
    }

    /** A clock that moves on by a step at every reading. */
    private static final class SteppingClock extends Clock {
        private final Duration step;
        private Instant now = Instant.parse("2026-11-23T09:00:00Z");

        SteppingClock(Duration step) {
            this.step = step;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plus(step);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
