package org.helpdesktriage.store.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.helpdesktriage.store.TestTickets.ticket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.store.RestoreResult;
import org.helpdesktriage.store.file.FileAuditLog;
import org.helpdesktriage.store.file.FileStore;
import org.helpdesktriage.store.file.FormatVersion;
import org.helpdesktriage.store.file.Leftovers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRestoreTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-23T09:30:05Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    Path root;
    Path out;

    @BeforeEach
    void fill() throws IOException {
        root = tmp.resolve("data");
        out = tmp.resolve("backups");
        FileStore store = new FileStore(root);
        for (String id : new String[] {"T-1", "T-2", "abc", "../x", "x".repeat(300)}) {
            store.save(ticket(id));
        }
        FormatVersion.write(root, FormatVersion.CURRENT);
        try (FileAuditLog log = new FileAuditLog(root, CLOCK)) {
            log.append(new AuditLog.Entry(CLOCK.instant(), "alice", "delete", "T-9", Map.of(),
                    null));
        }
    }

    @Test
    void backupWipeRestore_givesByteIdenticalFiles() throws IOException {
        Map<String, byte[]> before = contents(root);
        Path archive = Backup.create(root, out, CLOCK);
        assertThat(archive.getFileName().toString())
                .isEqualTo("helpdesk-triage-backup-20261123T093005Z.tar.gz");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).containsExactly(archive); // no temporary file left
        }

        Leftovers.deleteTree(root);
        RestoreResult r = Restore.run(archive, root, CLOCK);
        assertThat(r.tickets()).isEqualTo(5);
        assertThat(r.previous()).isEmpty();
        Map<String, byte[]> after = contents(root);
        assertThat(root.resolve(BackupArchive.MANIFEST)).doesNotExist();
        assertThat(root.resolve(BackupArchive.CHECKSUMS)).doesNotExist();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void restoreOverExistingData_keepsItAside() throws IOException {
        Path archive = Backup.create(root, out, CLOCK);
        new FileStore(root).save(ticket("T-NEW"));
        RestoreResult r = Restore.run(archive, root, CLOCK);
        assertThat(r.previous()).hasValueSatisfying(p -> {
            assertThat(p.getFileName().toString()).isEqualTo("data.pre-restore-20261123T093005Z");
            assertThat(new FileStore(p).get("T-NEW")).isPresent();
        });
        assertThat(new FileStore(root).get("T-NEW")).isEmpty();
        assertThat(new FileStore(root).count()).isEqualTo(5);
    }

    @Test
    void flippedByte_isRefused_andLeavesTheDataDirectoryUntouched() throws IOException {
        Path archive = Backup.create(root, out, CLOCK);
        new FileStore(root).save(ticket("T-NEW"));
        Map<String, byte[]> before = contents(root);
        byte[] bytes = Files.readAllBytes(archive);
        for (int at : new int[] {bytes.length / 2, 20, bytes.length - 5}) {
            byte[] bad = bytes.clone();
            bad[at] ^= 0x01;
            Files.write(archive, bad);
            assertThatThrownBy(() -> Restore.run(archive, root, CLOCK))
                    .hasMessageContaining("was refused and nothing was restored")
                    .hasMessageContaining("is unchanged");
            Map<String, byte[]> now = contents(root);
            assertThat(now).containsOnlyKeys(before.keySet().toArray(String[]::new));
            before.forEach((n, b) -> assertThat(now.get(n)).as(n).isEqualTo(b));
            try (Stream<Path> siblings = Files.list(tmp)) {
                assertThat(siblings).extracting(p -> p.getFileName().toString())
                        .containsExactlyInAnyOrder("data", "backups");
            }
        }
        Files.write(archive, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> Restore.run(archive, root, CLOCK))
                .hasMessageContaining("was refused");
    }

    @Test
    void backup_refusesWhenATicketIsCorrupt() throws IOException {
        Files.writeString(new FileStore(root).fileOf("T-2"), "{broken");
        assertThatThrownBy(() -> Backup.create(root, out, CLOCK))
                .hasMessageContaining("T-2.json").hasMessageContaining("no backup written");
        assertThat(out).doesNotExist();
    }

    @Test
    void backupAfterRestore_works_andOlderRestoreLeftoversAreNeitherBackedUpNorKept()
            throws IOException {
        Path first = Backup.create(root, out, CLOCK);
        Restore.run(first, root, CLOCK);
        // what restores of older versions left at the top of the data directory
        Files.writeString(root.resolve(BackupArchive.MANIFEST), "{\"tickets\": 99}");
        Files.writeString(root.resolve(BackupArchive.CHECKSUMS), "garbage\n");
        Path second = Backup.create(root, tmp.resolve("later"), CLOCK);
        RestoreResult r = Restore.run(second, root, CLOCK);
        assertThat(r.tickets()).isEqualTo(5);
        assertThat(root.resolve(BackupArchive.MANIFEST)).doesNotExist();
        assertThat(root.resolve(BackupArchive.CHECKSUMS)).doesNotExist();
    }

    @Test
    void backup_neverFollowsASymbolicLinkOutOfTheDataDirectory() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "root password");
        Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(outside.resolve("more.txt"), "private");
        Files.createSymbolicLink(root.resolve("notes.txt"), secret);
        Files.createSymbolicLink(root.resolve("extra"), outside);
        java.util.List<String> notices = new java.util.ArrayList<>();
        Path archive = Backup.create(root, out, CLOCK, notices::add);
        assertThat(notices).hasSize(2).allMatch(n -> n.contains("a symbolic link"));
        Path back = tmp.resolve("back");
        RestoreResult r = Restore.run(archive, back, CLOCK);
        assertThat(r.tickets()).isEqualTo(5);
        assertThat(back.resolve("notes.txt")).doesNotExist();
        assertThat(back.resolve("extra")).doesNotExist();
    }

    @Test
    void restoreThroughASymbolicLink_keepsTheLinkAndReplacesItsTarget() throws IOException {
        Path archive = Backup.create(root, out, CLOCK);
        Path link = tmp.resolve("current");
        Files.createSymbolicLink(link, root);
        new FileStore(root).save(ticket("T-NEW"));

        RestoreResult r = Restore.run(archive, link, CLOCK);

        assertThat(link).isSymbolicLink();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(root);
        assertThat(new FileStore(link).get("T-NEW")).isEmpty();
        assertThat(new FileStore(link).count()).isEqualTo(5);
        assertThat(r.previous()).hasValue(tmp.resolve("data.pre-restore-20261123T093005Z"));
        assertThat(new FileStore(r.previous().orElseThrow()).get("T-NEW")).isPresent();
    }

    @Test
    void removeLeftovers_removesOnlyThisDirectorysTemporaryArchives() throws IOException {
        Files.createDirectories(out);
        Path mine = Files.writeString(out.resolve(Backup.temporaryPrefix(root) + "x"), "half");
        Path other = Files.writeString(out.resolve(Backup.temporaryPrefix(tmp.resolve("other"))
                + "y"), "another data directory's backup in progress");
        Path kept = Backup.create(root, out, CLOCK);
        assertThat(Backup.removeLeftovers(root, out)).containsExactly(mine);
        assertThat(mine).doesNotExist();
        assertThat(other).exists();
        assertThat(kept).exists();
    }

    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        for (String rel : Backup.filesOf(dir)) {
            m.put(rel, Files.readAllBytes(dir.resolve(rel)));
        }
        return m;
    }
}
