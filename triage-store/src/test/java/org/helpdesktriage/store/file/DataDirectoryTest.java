package org.helpdesktriage.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.helpdesktriage.store.TestTickets.ticket;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.store.archive.BackupBeforeMigration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-23T09:30:05Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void newDirectory_getsLayoutAndCurrentVersion() throws Exception {
        Path root = tmp.resolve("data");
        try (DataDirectory d = DataDirectory.openForWriting(root, "run", Duration.ZERO, CLOCK)) {
            d.tickets().save(ticket("T-1"));
            assertThat(d.notices()).isEmpty();
            assertThat(d.lock()).hasValueSatisfying(l -> assertThat(l.isHeld()).isTrue());
        }
        assertThat(Files.readString(root.resolve("format-version")).trim()).isEqualTo("1");
        assertThat(root.resolve("audit")).isDirectory();
        assertThat(DataDirectory.openForReading(root, CLOCK).tickets().count()).isEqualTo(1);
    }

    @Test
    void newerVersion_isRefusedForReadingAndWriting() throws Exception {
        Path root = tmp.resolve("data");
        Files.createDirectories(root);
        Files.writeString(root.resolve("format-version"), "2\n");
        String msg = "data directory " + root + " has format version 2; this program "
                + "understands up to 1; upgrade helpdesk-triage";
        assertThatThrownBy(() -> DataDirectory.openForReading(root, CLOCK))
                .hasMessage(msg);
        assertThatThrownBy(() -> DataDirectory.openForWriting(root, "run", Duration.ZERO, CLOCK))
                .hasMessage(msg).extracting(e -> ((TriageException) e).code())
                .isEqualTo(ErrorCode.STORE_FAILED);
        assertThat(DataDirectoryLock.inspect(root).kind())
                .isEqualTo(DataDirectoryLock.LockState.Kind.FREE);
    }

    @Test
    void versionZero_isMigratedAfterABackup() throws Exception {
        Path root = tmp.resolve("data");
        new FileStore(root).save(ticket("T-1"));
        assertThat(FormatVersion.read(root)).contains(0);
        try (DataDirectory d = DataDirectory.openForWriting(root, "run", Duration.ZERO, CLOCK)) {
            assertThat(d.notices()).singleElement().asString()
                    .contains("from format version 0 to 1 after a backup to");
        }
        assertThat(FormatVersion.read(root)).contains(1);
        assertThat(tmp.resolve("data.migration-backups")
                .resolve("helpdesk-triage-backup-20261123T093005Z.tar.gz")).isRegularFile();
        assertThat(new FileStore(root).get("T-1")).isPresent();
    }

    @Test
    void migrationBackup_isTheArchivesService() {
        // the data directory finds its backup without depending on the archive package
        assertThat(DataDirectory.MigrationBackup.installed())
                .isInstanceOf(BackupBeforeMigration.class);
    }

    @Test
    void unreadableVersionFile_isNamed() throws Exception {
        Path root = tmp.resolve("data");
        Files.createDirectories(root);
        Files.writeString(root.resolve("format-version"), "one");
        assertThatThrownBy(() -> DataDirectory.openForReading(root, CLOCK))
                .hasMessageContaining("format-version holds 'one'");
    }
}
