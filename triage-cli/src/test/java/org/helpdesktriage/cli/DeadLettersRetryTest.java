package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.helpdesktriage.store.file.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLettersRetryTest {

    @TempDir
    Path dir;

    @Test
    void retry_afterAConfigurationFix_triagesWhatNowPassesAndKeepsTheRest() throws IOException {
        Path data = dir.resolve("data");
        Path in = dir.resolve("in.csv");
        // a 30-character title fails with a 20-character limit; the bad e-mail always fails
        Files.writeString(in, "id,title,description,email\n"
                + "TKT-1,A title of thirty characters,d,a@example.com\n"
                + "TKT-2,Short,d,a@b\n"
                + "TKT-3,Fine,d,c@example.com\n");
        CliRun first = CliRun.run(in.toString(), dir.resolve("out.json").toString(),
                "--store", "file", "--data-dir", data.toString(),
                "--set", "max_ticket_title_length=20");
        assertThat(first.exitCode()).as(first.err()).isEqualTo(4);

        CliRun retry = CliRun.run("dead-letters", "retry", "--data-dir", data.toString());
        assertThat(retry.exitCode()).as(retry.err()).isEqualTo(4);
        assertThat(retry.err()).contains("retried 2, triaged 1, failed again 1");
        try (DataDirectory d = DataDirectory.openForReading(data, java.time.Clock.systemUTC())) {
            assertThat(d.tickets().list()).extracting(t -> t.ticketId())
                    .containsExactly("TKT-1", "TKT-3");
            assertThat(d.deadLetters().list()).singleElement().satisfies(l -> {
                assertThat(l.attempts()).isEqualTo(2);
                assertThat(l.reason()).contains("requester_email");
            });
        }
    }

    @Test
    void retry_unparseableRecord_staysWithItsReason() throws IOException {
        Path data = dir.resolve("data");
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{broken\n");
        CliRun.runWith(Map.of(), "", in.toString(), dir.resolve("out.json").toString(),
                "--store", "file", "--data-dir", data.toString());
        CliRun retry = CliRun.run("dead-letters", "retry", "--data-dir", data.toString());
        assertThat(retry.exitCode()).isEqualTo(4);
        assertThat(retry.out()).contains("failed again").contains("malformed JSON");
    }
}
