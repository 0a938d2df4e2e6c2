package org.helpdesktriage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The file job example runs: every record of the bundled file is triaged or rejected. */
class FileJobExampleTest {

    @Test
    void everyRecordIsTriagedOrRejected() throws Exception {
        Path input = Path.of("tickets-with-errors.jsonl");
        long records = Files.readAllLines(input).stream().filter(l -> !l.isBlank()).count();
        String out = ExampleRun.stdout(() -> FileJobExample.main(
                new String[] {input.toString()}));
        long rejected = out.lines().filter(l -> l.startsWith("rejected ")).count();
        assertThat(rejected).as(out).isPositive();
        assertThat(out).contains(records + " read, " + (records - rejected) + " triaged, "
                + rejected + " rejected");
    }
}
