package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.helpdesktriage.core.internal.io.TicketJson;
import org.helpdesktriage.store.file.DataDirectory;
import org.helpdesktriage.store.file.FileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A triage into the file store killed with SIGKILL halfway leaves only whole files. */
class CrashRecoveryTest {

    private static final int TICKETS = 4000;

    @TempDir
    Path dir;

    @Test
    void killedMidTriage_leavesWholeFilesAndARerunStoresEachTicketOnce() throws Exception {
        Path in = dir.resolve("in.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < TICKETS; i++) {
            sb.append("{\"ticket_id\":\"TKT-").append(i).append("\",\"title\":\"Printer ")
                    .append(i).append("\",\"description\":\"The printer is jammed again\","
                            + "\"requester_email\":\"u").append(i).append("@example.com\"}\n");
        }
        Files.writeString(in, sb);
        Path data = dir.resolve("data");
        Path tickets = data.resolve(FileStore.TICKETS);

        Process p = start(in, data);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (count(tickets) < 200 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(p.isAlive()).as("the run should still be going when it is killed").isTrue();
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        long written = count(tickets);
        assertThat(written).isBetween(200L, (long) TICKETS - 1);
        assertEveryFileIsWhole(data);

        Process rerun = start(in, data);
        assertThat(rerun.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(rerun.exitValue()).isZero();
        try (DataDirectory d = DataDirectory.openForReading(data, Clock.systemUTC())) {
            assertThat(d.tickets().count()).isEqualTo(TICKETS);
            assertThat(d.tickets().scan().corrupt()).isEmpty();
        }
        assertThat(Files.readString(dir.resolve("rerun.err"))).contains("stale lock");
    }

    private Process start(Path in, Path data) throws IOException {
        boolean first = !Files.exists(dir.resolve("first.err"));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                in.toString(), dir.resolve("out.jsonl").toString(),
                "--store", "file", "--data-dir", data.toString()));
        return new ProcessBuilder(cmd).redirectError(dir.resolve(first ? "first.err" : "rerun.err")
                .toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static long count(Path tickets) throws IOException {
        if (!Files.isDirectory(tickets)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(tickets)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".json")
                    && !f.getFileName().toString().startsWith(".")).count();
        }
    }

    // every ticket file parses as a ticket, every audit line as JSON; temporary files are
    // the only thing a crash may leave behind, and readers skip them
    private static void assertEveryFileIsWhole(Path data) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = f.getFileName().toString();
                if (name.startsWith(".tmp-") || name.equals("lock")
                        || name.equals("format-version")) {
                    continue;
                }
                if (f.getParent().getFileName().toString().equals(FileStore.TICKETS)) {
                    TicketJson.fromJson(Files.readAllBytes(f), f.toString());
                } else if (name.endsWith(".jsonl")) {
                    for (String line : Files.readAllLines(f)) {
                        mapper.readTree(line);
                    }
                } else if (name.endsWith(".json")) {
                    mapper.readTree(f.toFile());
                }
            }
        }
    }
}
