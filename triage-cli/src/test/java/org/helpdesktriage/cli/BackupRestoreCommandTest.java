package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesktriage.cli.OpsFixtures.cli;
import static org.helpdesktriage.cli.OpsFixtures.snapshot;
import static org.helpdesktriage.cli.OpsFixtures.ticket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.helpdesktriage.store.file.DataDirectory;
import org.helpdesktriage.store.file.FileStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRestoreCommandTest {

    @TempDir
    Path tmp;

    Path root;
    Path backups;

    @BeforeEach
    void dataDirectoryWithTickets() {
        root = tmp.resolve("data");
        backups = tmp.resolve("backups");
        try (DataDirectory data = DataDirectory.openForWriting(root, "test", Duration.ZERO,
                OpsFixtures.CLOCK)) {
            for (String id : new String[] {"TKT-1", "TKT-2", "abc", "../x"}) {
                data.tickets().save(ticket(id));
            }
        }
    }

    private Path backup() {
        CliRun run = cli("backup", "--out", backups.toString(), "--data-dir", root.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path archive = Path.of(run.out().trim());
        assertThat(archive).isRegularFile().hasParent(backups);
        return archive;
    }

    @Test
    void backup_printsTheArchiveAndTheCounts() {
        CliRun run = cli("backup", "--out", backups.toString(), "--data-dir", root.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().trim()).isEqualTo(
                backups.resolve("helpdesk-triage-backup-20261123T090000Z.tar.gz").toString());
        assertThat(run.err()).contains("4 ticket(s)", "written and verified");
    }

    @Test
    void backup_corruptTicket_isRefusedWithExitSixAndWritesNothing() throws IOException {
        Files.writeString(new FileStore(root).fileOf("TKT-9"), "not json");
        CliRun run = cli("backup", "--out", backups.toString(), "--data-dir", root.toString());
        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(run.err()).startsWith("error: no backup written").contains("TKT-9.json");
        assertThat(backups).doesNotExist();
    }

    @Test
    void backup_withAnUnreadableRunRecord_warnsAndExitsZeroPrintingTheArchiveOnce()
            throws IOException {
        Files.createDirectories(root.resolve("runs"));
        Files.writeString(root.resolve("runs/R-1.json"), "{\"run_id\":");
        CliRun run = cli("backup", "--out", backups.toString(), "--data-dir", root.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).singleElement().satisfies(p -> assertThat(Path.of(p))
                .isRegularFile());
        assertThat(run.err()).contains("warning: run record", "R-1.json", "1 run record(s)");
        CliRun restored = cli("restore", "--archive", run.out().trim(), "--data-dir",
                tmp.resolve("back").toString());
        assertThat(restored.exitCode()).as(restored.err()).isZero();
    }

    @Test
    void restore_afterTheTicketsAreWiped_givesByteIdenticalTicketFiles() throws IOException {
        Map<String, byte[]> before = snapshot(root.resolve("tickets"));
        Path archive = backup();
        try (Stream<Path> files = Files.list(root.resolve("tickets"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
        assertThat(cli("tickets", "count", "--data-dir", root.toString()).out().trim())
                .isEqualTo("0");

        CliRun run = cli("restore", "--archive", archive.toString(), "--data-dir",
                root.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, byte[]> after = snapshot(root.resolve("tickets"));
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
        Path previous = tmp.resolve("data.pre-restore-20261123T090000Z");
        assertThat(run.out()).contains("restored 4 ticket(s)",
                "the previous data directory was moved to " + previous);
        assertThat(previous.resolve("tickets")).isEmptyDirectory();
    }

    @Test
    void restore_oneFlippedByte_isRefusedWithExitSixAndLeavesTheDataUntouched()
            throws IOException {
        Path archive = backup();
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 0x01;
        Path damaged = Files.write(tmp.resolve("damaged.tar.gz"), bytes);
        new FileStore(root).delete("TKT-2");
        Map<String, byte[]> before = snapshot(root);

        CliRun run = cli("restore", "--archive", damaged.toString(), "--data-dir",
                root.toString());

        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(run.err()).startsWith("error: archive " + damaged)
                .contains("nothing was restored", "is unchanged");
        Map<String, byte[]> after = snapshot(root);
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        before.forEach((name, b) -> assertThat(after.get(name)).as(name).isEqualTo(b));
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("data", "backups", "damaged.tar.gz");
        }
    }

    @Test
    void restore_missingArchive_exitsThreeAndChangesNothing() throws IOException {
        Map<String, byte[]> before = snapshot(root);
        CliRun run = cli("restore", "--archive", tmp.resolve("nope.tar.gz").toString(),
                "--data-dir", root.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("nope.tar.gz", "does not exist");
        assertThat(snapshot(root).keySet()).containsExactlyElementsOf(before.keySet());
    }

    @Test
    void restoreErrors_neverQuoteJavaExceptionNames() throws IOException {
        Path data = tmp.resolve("restored");
        Path cut = Files.write(tmp.resolve("cut.tar.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0});
        Path junk = Files.write(tmp.resolve("junk.tar.gz"), new byte[] {1, 2, 3, 4, 5, 6, 7});
        for (Path archive : new Path[] {cut, junk, tmp.resolve("missing.tar.gz")}) {
            CliRun run = cli("restore", "--archive", archive.toString(), "--data-dir",
                    data.toString());
            assertThat(run.exitCode()).as(run.err()).isIn(3, 6);
            assertThat(run.err()).contains(archive.getFileName().toString())
                    .doesNotContainPattern("[A-Z][A-Za-z]*Exception")
                    .doesNotContain("java.");
        }
    }

    @Test
    void aKilledBackupsTemporaryArchive_isRemovedByTheNextBackup_anotherDirectorysIsKept()
            throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                root.toRealPath().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String prefix = ".tmp-helpdesk-triage-backup-"
                + java.util.HexFormat.of().formatHex(digest, 0, 6) + "-";
        Files.createDirectories(backups);
        Path killed = Files.writeString(backups.resolve(prefix + "00ff00ff-123"), "half a tar");
        Path other = Files.writeString(backups.resolve(
                ".tmp-helpdesk-triage-backup-000000000000-00ff-1"), "another directory's");

        CliRun run = cli("backup", "--out", backups.toString(), "--data-dir", root.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("removed " + killed
                + ", left by a backup that was interrupted");
        assertThat(killed).doesNotExist();
        assertThat(other).exists();
    }
}
