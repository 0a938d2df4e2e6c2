package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --dry-run on triage --store, cleanup, dead-letters retry and restore: the whole data directory
 * (and the backup directory) hashes the same before and after, and the report says what the
 * real run would change.
 */
class DryRunTest {

    @TempDir
    Path dir;

    private Path data;
    private Path in;

    @BeforeEach
    void storeTwoTicketsAndADeadLetter() throws IOException {
        data = dir.resolve("data");
        in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"id\":\"TKT-1\",\"title\":\"Locked out\",\"description\":\"locked\","
                        + "\"requester_email\":\"a@example.com\",\"created_at\":\"2026-01-20T10:00:00Z\"}",
                "{\"id\":\"TKT-2\",\"title\":\"Refund\",\"description\":\"payment failed\","
                        + "\"requester_email\":\"b@example.com\",\"status\":\"closed\","
                        + "\"created_at\":\"2026-01-20T10:00:00Z\"}",
                "{\"id\":\"TKT-3\",\"title\":\"Hi\",\"description\":\"x\",\"requester_email\":\"a@b\"}"));
        assertThat(CliRun.run("triage", in.toString(), dir.resolve("out.json").toString(),
                "--store", "file", "--data-dir", data.toString(), "--now",
                "2026-02-01T09:00:00Z").exitCode()).isEqualTo(4);
    }

    private Map<String, String> tree() throws IOException {
        return ReproducibleRunTest.tree(dir);
    }

    @Test
    void triageStore_dryRun_changesNothing_andCountsNewAndUpdatedTickets() throws IOException {
        Path more = dir.resolve("more.jsonl");
        Files.writeString(more, String.join("\n",
                "{\"id\":\"TKT-1\",\"title\":\"Locked out again\",\"description\":\"locked\","
                        + "\"requester_email\":\"a@example.com\"}",
                "{\"id\":\"TKT-9\",\"title\":\"New\",\"description\":\"hello\","
                        + "\"requester_email\":\"c@example.com\"}",
                "{\"id\":\"TKT-3\",\"title\":\"Hi\",\"description\":\"x\",\"requester_email\":\"a@b\"}"));
        Map<String, String> before = tree();
        CliRun run = CliRun.run("triage", more.toString(), "--store", "file", "--data-dir",
                data.toString(), "--dry-run", "--now", "2026-02-02T09:00:00Z");
        assertThat(tree()).isEqualTo(before);
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).contains("\"TKT-9\"");
        assertThat(run.err()).contains("dry run on " + data + ", nothing was written; it would"
                + " change: tickets_new 1, tickets_updated 1, audit_entries 2, "
                + "dead_letters_new 1");
        assertThat(run.err()).doesNotContain(", run 2026");
    }

    @Test
    void triage_dryRun_refusesOutputFilesAMetricsFileAndTheMemoryStore() {
        assertThat(CliRun.run("triage", in.toString(), dir.resolve("o.json").toString(),
                "--store", "file", "--data-dir", data.toString(), "--dry-run").exitCode())
                .isEqualTo(2);
        assertThat(CliRun.run("triage", in.toString(), "--store", "file", "--data-dir",
                data.toString(), "--dry-run", "--metrics-file", dir.resolve("m").toString())
                .exitCode()).isEqualTo(2);
        CliRun memory = CliRun.run("triage", in.toString(), "--dry-run");
        assertThat(memory.exitCode()).isEqualTo(2);
        assertThat(memory.err()).contains("give --store file or postgres");
    }

    @Test
    void cleanup_dryRun_listsWhatWouldGo_andChangesNothing() throws IOException {
        Path backups = dir.resolve("backups");
        Files.createDirectories(backups);
        Files.writeString(backups.resolve("helpdesk-triage-backup-20260101T000000Z.tar.gz"), "x");
        Files.writeString(backups.resolve("helpdesk-triage-backup-20260102T000000Z.tar.gz"), "y");
        Map<String, String> before = tree();
        CliRun run = CliRun.run("cleanup", "--older-than", "1d", "--archive", "--keep-runs",
                "1d", "--backups", backups.toString(), "--keep-backups", "1", "--data-dir",
                data.toString(), "--dry-run", "--now", "2026-03-01T00:00:00Z");
        assertThat(run.exitCode()).isZero();
        assertThat(tree()).isEqualTo(before);
        assertThat(run.out()).contains("would archive TKT-2")
                .contains("would prune backup " + backups.resolve(
                        "helpdesk-triage-backup-20260101T000000Z.tar.gz"))
                .contains("dry run: would archive 1 tickets finished before "
                        + "2026-02-28T00:00:00Z; would prune 1 run records, 0 dead letters and 1 backups");
        assertThat(run.out()).doesNotContain("TKT-1");
    }

    @Test
    void deadLettersRetry_dryRun_triagesInMemory_andChangesNothing() throws IOException {
        Map<String, String> before = tree();
        CliRun run = CliRun.run("dead-letters", "retry", "--data-dir", data.toString(),
                "--dry-run", "--set", "default_category=general");
        assertThat(tree()).isEqualTo(before);
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).contains("failed again");
        assertThat(run.err()).contains("would retry 1, triaged 0, failed again 1")
                .contains("it would change: dead_letters_again 1");
    }

    @Test
    void restore_dryRun_verifiesTheArchive_reportsTheDifference_andChangesNothing()
            throws IOException {
        Path backups = dir.resolve("backups");
        CliRun backup = CliRun.run("backup", "--out", backups.toString(), "--data-dir",
                data.toString(), "--now", "2026-02-01T10:00:00Z");
        assertThat(backup.exitCode()).isZero();
        Path archive;
        try (Stream<Path> s = Files.list(backups)) {
            archive = s.findFirst().orElseThrow();
        }
        Files.delete(data.resolve("tickets/TKT-1.json"));
        Map<String, String> before = tree();
        CliRun run = CliRun.run("restore", "--archive", archive.toString(), "--data-dir",
                data.toString(), "--dry-run");
        assertThat(run.exitCode()).isZero();
        assertThat(tree()).isEqualTo(before);
        assertThat(run.out().lines()).anySatisfy(l -> assertThat(l)
                .matches("tickets +1 +0 +0 +1"));
        assertThat(run.out()).contains("is sound (a backup, checksums verified); restoring it"
                + " would put 2 ticket(s) in " + data + "; nothing was changed");

        Files.writeString(archive, "not an archive");
        CliRun refused = CliRun.run("restore", "--archive", archive.toString(), "--data-dir",
                data.toString(), "--dry-run");
        assertThat(refused.exitCode()).isEqualTo(6);
        assertThat(refused.err()).contains("would be refused");
        assertThat(tree()).isEqualTo(ReproducibleRunTest.tree(dir));
    }
}
