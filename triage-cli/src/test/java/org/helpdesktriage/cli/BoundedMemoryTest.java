package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class 3 of issue 11: memory per record is bounded. A child JVM with a 64 MB heap (a quarter of
 * the 256 MB the issue names) triages inputs whose one bad record is larger than its heap: each
 * is skipped while streaming, rejected with its position, and the records around it triaged.
 * Holding any of them whole would end in OutOfMemoryError.
 */
class BoundedMemoryTest {

    private static final String HEAP = "-Xmx64m";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void a100MbDescription_isSkippedWhileStreaming() throws Exception {
        Path in = dir.resolve("big.jsonl");
        try (OutputStream o = Files.newOutputStream(in)) {
            o.write((HostileInputTest.good(1) + "\n{\"ticket_id\":\"TKT-2\",\"title\":\"t\","
                    + "\"requester_email\":\"a@example.com\",\"description\":\"")
                    .getBytes(StandardCharsets.UTF_8));
            repeat(o, "lorem ipsum ", 100 << 20);
            o.write(("\"}\n" + HostileInputTest.good(3) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertSkipped(in, "jsonl", 2);
    }

    @Test
    void aMillionKeyObjectInAJsonArray_isSkippedWhileStreaming() throws Exception {
        Path in = dir.resolve("keys.json");
        try (OutputStream o = Files.newOutputStream(in)) {
            o.write(("[" + HostileInputTest.good(1) + ",\n{").getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 1_000_000; i++) {
                sb.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
                if (sb.length() > 1 << 16) {
                    o.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                    sb.setLength(0);
                }
            }
            o.write((sb + "},\n" + HostileInputTest.good(3) + "]\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        assertSkipped(in, "json", 2);
    }

    @Test
    void zerosReadAsJsonLines_areSkippedWhileStreaming() throws Exception {
        Path in = dir.resolve("zeros.jsonl");
        try (OutputStream o = Files.newOutputStream(in)) {
            o.write((HostileInputTest.good(1) + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                o.write(zeros);
            }
            o.write(("\n" + HostileInputTest.good(3) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertSkipped(in, "jsonl", 2);
    }

    private static void repeat(OutputStream o, String text, long bytes) throws IOException {
        byte[] block = text.repeat((1 << 16) / text.length()).getBytes(StandardCharsets.UTF_8);
        for (long n = 0; n < bytes; n += block.length) {
            o.write(block);
        }
    }

    private void assertSkipped(Path in, String format, int line) throws Exception {
        Path out = dir.resolve("out.jsonl");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "triage", in.toString(), out.toString(), "--format", format));
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("err.txt").toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(err).doesNotContain("OutOfMemoryError");
        assertThat(p.exitValue()).as(err).isEqualTo(4);
        assertThat(err).contains("read 3, triaged 2, rejected 1");
        assertThat(Files.readAllLines(out)).hasSize(2);
        JsonNode reject = MAPPER.readTree(Files.readAllLines(
                dir.resolve("out.jsonl.rejects.jsonl")).get(0));
        assertThat(reject.get("line").asInt()).isEqualTo(line);
        assertThat(reject.toString()).contains("(max_record_length); it was skipped");
    }
}
