package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.store.file.DataDirectory;
import org.helpdesktriage.store.file.Leftovers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: a plain copy of a data directory ({@code cp -a}, {@code tar}) taken at any moment
 * while {@code triage --store file} writes it is a valid data directory.
 */
class LiveCopyTest {

    private static final int TICKETS = 200;
    private static final int COPIES = 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void copiesAtRandomMomentsOfALiveTriage_areHealthy_andARerunStoresEachTicketOnce()
            throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), ChildCli.tickets("TKT", TICKETS));
        Path data = dir.resolve("data");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int[] moments = random.ints(COPIES, 1, TICKETS * 3 / 4).sorted().toArray();

        // the run reads its tickets from a pipe the test feeds, a few past each copy's moment,
        // so every copy is taken while the run holds the lock and writes, however slow the
        // machine (a run over a file could end before a slow copy starts)
        Process run = new ProcessBuilder(ChildCli.java(Main.class, "triage", "-",
                dir.resolve("out.jsonl").toString(), "--format", "jsonl", "--store", "file",
                "--data-dir", data.toString(), "--parallelism", "1"))
                .redirectError(dir.resolve("run.err").toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = Files.readAllLines(in, StandardCharsets.UTF_8);
        List<Path> copies = new ArrayList<>();
        int duringTheRun = 0;
        try (Writer feed = new OutputStreamWriter(run.getOutputStream(), StandardCharsets.UTF_8)) {
            int fed = 0;
            for (int i = 0; i < COPIES; i++) {
                int moment = moments[i];
                int upTo = Math.min(TICKETS, moment + 1 + random.nextInt(8));
                while (fed < upTo) {
                    feed.write(lines.get(fed++) + "\n");
                }
                feed.flush();
                ChildCli.await("ticket " + moment, 120,
                        () -> ChildCli.ticketFiles(data) >= moment || !run.isAlive());
                Path copy = dir.resolve("copy-" + i);
                copyLive(data, copy, i % 2 == 0);
                if (run.isAlive()) {
                    duringTheRun++;
                }
                copies.add(copy);
            }
            while (fed < TICKETS) {
                feed.write(lines.get(fed++) + "\n");
            }
        }
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(Files.readString(dir.resolve("run.err"))).isZero();
        assertThat(duringTheRun).as("copies taken while the run wrote (seed %d)", seed)
                .isEqualTo(COPIES);

        for (Path copy : copies) {
            String as = copy.getFileName() + " (seed " + seed + ")";
            CliRun health = CliRun.run("health", "--min-free-mb", "0", "--data-dir",
                    copy.toString());
            assertThat(health.exitCode()).as(as + ": " + health.out()).isZero();
            assertAuditParsesBarATornLastLine(copy, as);

            CliRun rerun = CliRun.run("triage", in.toString(),
                    dir.resolve("rerun.jsonl").toString(), "--store", "file", "--data-dir",
                    copy.toString());
            assertThat(rerun.exitCode()).as(as + ": " + rerun.err()).isZero();
            try (DataDirectory d = DataDirectory.openForReading(copy, Clock.systemUTC())) {
                StoreScan scan = d.tickets().scan();
                assertThat(scan.corrupt()).as(as).isEmpty();
                assertThat(scan.tickets().stream().map(Ticket::ticketId).distinct().count())
                        .as(as).isEqualTo(TICKETS);
                assertThat(scan.count()).as(as).isEqualTo(TICKETS);
            }
            assertThat(Leftovers.unfinishedAuditLines(copy)).as(as + ": repaired").isEmpty();
            assertThat(Leftovers.find(copy)).as(as + ": leftovers removed").isEmpty();
            CliRun after = CliRun.run("health", "--min-free-mb", "0", "--data-dir",
                    copy.toString());
            assertThat(after.exitCode()).as(as).isZero();
            JsonNode report = MAPPER.readTree(after.out());
            assertThat(report.get("checks").findValues("warning")).as(as + ": " + after.out())
                    .allMatch(w -> !w.asBoolean());
        }
    }

    // cp -a and tar both complain when a file vanishes under them (a temporary file renamed
    // into place): that is what a live copy is, so their exit codes are not checked
    private static void copyLive(Path data, Path copy, boolean withCp) throws Exception {
        List<String> cmd = withCp
                ? List.of("cp", "-a", data.toString(), copy.toString())
                : List.of("sh", "-c", "mkdir -p '" + copy + "' && tar -C '" + data
                        + "' -cf - . 2>/dev/null | tar -C '" + copy + "' -xf -");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(copy.resolve("tickets")).isDirectory();
    }

    private static void assertAuditParsesBarATornLastLine(Path copy, String as)
            throws IOException {
        int torn = 0;
        List<Path> files;
        try (var s = Files.list(copy.resolve("audit"))) {
            files = s.sorted().collect(Collectors.toList());
        }
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n') + 1;
            if (end < text.length()) {
                torn++;
            }
            for (String line : text.substring(0, end).split("\n")) {
                if (!line.isEmpty()) {
                    JsonNode entry = MAPPER.readTree(line);
                    assertThat(entry.path("ticket_id").isTextual()).as(as + ": " + line).isTrue();
                }
            }
        }
        assertThat(torn).as(as + ": torn last lines").isLessThanOrEqualTo(1);
    }
}
