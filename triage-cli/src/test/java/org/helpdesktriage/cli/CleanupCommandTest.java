package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.helpdesktriage.store.file.DataDirectory;
import org.helpdesktriage.store.file.FileStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanupCommandTest {

    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    private static final Clock LATER = Clock.fixed(T0.plus(Duration.ofDays(100)), ZoneOffset.UTC);

    @TempDir
    Path dir;
    Path data;

    @BeforeEach
    void storeTickets() throws IOException {
        data = dir.resolve("data");
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n", line("TKT-OPEN", "new"),
                line("TKT-RESOLVED", "resolved"), line("TKT-CLOSED", "closed")));
        CliRun run = CliRun.runAt(Clock.fixed(T0, ZoneOffset.UTC), Map.of(), "", in.toString(),
                dir.resolve("out.json").toString(), "--store", "file",
                "--data-dir", data.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static String line(String id, String status) {
        return "{\"ticket_id\":\"" + id + "\",\"title\":\"t\",\"description\":\"d\","
                + "\"requester_email\":\"a@example.com\",\"status\":\"" + status + "\"}";
    }

    @Test
    void archive_movesOldFinishedTicketsAndPrunesOldRuns() {
        CliRun run = CliRun.runAt(LATER, Map.of(), "", "cleanup", "--older-than", "90d",
                "--archive", "--data-dir", data.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("archived 2 tickets").contains("pruned 1 run records");
        try (DataDirectory d = DataDirectory.openForReading(data, LATER)) {
            assertThat(d.tickets().list()).extracting(t -> t.ticketId())
                    .containsExactly("TKT-OPEN");
            assertThat(d.runs().list()).extracting(r -> r.command()).containsExactly("cleanup");
        }
        assertThat(new FileStore(data.resolve("archive")).list()).extracting(t -> t.ticketId())
                .containsExactly("TKT-CLOSED", "TKT-RESOLVED");
    }

    @Test
    void withoutArchive_deletesAndKeepsRecentTickets() {
        CliRun run = CliRun.runAt(LATER, Map.of(), "", "cleanup", "--older-than", "200d",
                "--data-dir", data.toString());
        assertThat(run.out()).contains("deleted 0 tickets");
        CliRun run2 = CliRun.runAt(LATER, Map.of(), "", "cleanup", "--older-than", "30d",
                "--data-dir", data.toString());
        assertThat(run2.out()).contains("deleted 2 tickets");
        assertThat(data.resolve("archive")).doesNotExist();
    }

    @Test
    void backups_keepTheNewestN() throws IOException {
        Path backups = Files.createDirectories(dir.resolve("backups"));
        for (String stamp : new String[] {"20261101T000000Z", "20261102T000000Z",
            "20261103T000000Z"}) {
            Files.writeString(backups.resolve("helpdesk-triage-backup-" + stamp + ".tar.gz"), "x");
        }
        CliRun run = CliRun.runAt(LATER, Map.of(), "", "cleanup", "--older-than", "365d",
                "--backups", backups.toString(), "--keep-backups", "2",
                "--data-dir", data.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(backups.resolve("helpdesk-triage-backup-20261101T000000Z.tar.gz"))
                .doesNotExist();
        assertThat(backups.resolve("helpdesk-triage-backup-20261103T000000Z.tar.gz")).exists();
    }

    @Test
    void badAge_isAUsageError() {
        CliRun run = CliRun.run("cleanup", "--older-than", "soon", "--data-dir",
                data.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'soon' is not an age");
    }
}
