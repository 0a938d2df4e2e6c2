package org.helpdesktriage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The file job example runs: every record of the bundled file is triaged or rejected. */
class FileJobExampleTest {

    @Test
    void everyRecordIsTriagedOrRejected() throws Exception {
        Path input = Path.of("tickets-with-errors.jsonl");
        long records = Files.readAllLines(input).stream().filter(l -> !l.isBlank()).count();
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            FileJobExample.main(new String[] {input.toString()});
        } finally {
            System.setOut(original);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        long rejected = out.lines().filter(l -> l.startsWith("rejected ")).count();
        assertThat(rejected).as(out).isPositive();
        assertThat(out).contains(records + " read, " + (records - rejected) + " triaged, "
                + rejected + " rejected");
    }
}
