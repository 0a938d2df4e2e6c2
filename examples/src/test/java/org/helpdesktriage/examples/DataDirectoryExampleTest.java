package org.helpdesktriage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The data-directory example runs on the module path, where the store is a named module: every
 * triaged ticket is stored, every reject kept as a dead letter, and the directory is healthy.
 */
class DataDirectoryExampleTest {

    @Test
    void ticketsAreStored_rejectsKeptAsDeadLetters_andTheDirectoryIsHealthy() throws Exception {
        Path input = Path.of("tickets-with-errors.jsonl");
        long records = Files.readAllLines(input).stream().filter(l -> !l.isBlank()).count();
        String out = ExampleRun.stdout(() -> DataDirectoryExample.main(
                new String[] {input.toString()}));
        assertThat(DataDirectoryExample.class.getModule().isNamed()).as("on the module path")
                .isTrue();
        assertThat(out).as(out).contains("healthy: true");
        String stored = out.lines().filter(l -> l.endsWith("kept as dead letters")).findFirst()
                .orElseThrow();
        long triaged = Long.parseLong(stored.split(" ")[0]);
        long rejected = records - triaged;
        assertThat(rejected).isPositive();
        assertThat(stored).isEqualTo(triaged + " stored, " + rejected + " kept as dead letters");
        assertThat(out).contains("tickets in the data directory: " + triaged,
                "dead letters: " + rejected);
    }
}
