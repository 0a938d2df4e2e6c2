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
import java.util.List;
import java.util.stream.Stream;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-23T09:30:05Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private static List<Path> everything(Path dir) throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.sorted().toList();
        }
    }

    @Test
    void projectFolder_isNotADataDirectory_andOpeningItForWritingWritesNothing()
            throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("examples"));
        Files.writeString(folder.resolve("tickets.json"), "[]");
        Files.writeString(folder.resolve("config.json"), "{}");
        Files.writeString(folder.resolve(".tmp-notes"), "mine, not a leftover");
        Files.createDirectories(folder.resolve("src"));
        List<Path> before = everything(folder);

        assertThat(DataFolder.survey(folder).state())
                .isEqualTo(DataFolder.State.NOT_A_DATA_DIRECTORY);
        assertThat(DataFolder.survey(folder).foreign())
                .containsExactly("config.json", "src", "tickets.json");
        assertThatThrownBy(() -> DataDirectory.openForWriting(folder, "run", Duration.ZERO,
                CLOCK))
                .isInstanceOf(TriageException.class)
                .hasMessageStartingWith(folder + " is not a data directory: it holds "
                        + "config.json, src, tickets.json and no format-version")
                .hasMessageContaining("Name an empty or new folder")
                .extracting(e -> ((TriageException) e).code())
                .isEqualTo(ErrorCode.STORE_FAILED);
        assertThat(everything(folder)).isEqualTo(before);
        assertThat(folder.resolve(".tmp-notes")).hasContent("mine, not a leftover");
    }

    @Test
    void manyForeignEntries_nameTheFirstFiveAndCountTheRest() throws Exception {
        for (int i = 0; i < 8; i++) {
            Files.writeString(tmp.resolve("f" + i), "x");
        }
        assertThat(DataFolder.survey(tmp).foreignEntries())
                .isEqualTo("f0, f1, f2, f3, f4 and 3 more entries");
    }

    @Test
    void missingAndEmptyFolders_becomeDataDirectories() throws Exception {
        Path missing = tmp.resolve("new");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThat(DataFolder.survey(missing).state()).isEqualTo(DataFolder.State.MISSING);
        assertThat(DataFolder.survey(empty).state()).isEqualTo(DataFolder.State.EMPTY);
        for (Path root : List.of(missing, empty)) {
            DataDirectory.openForWriting(root, "run", Duration.ZERO, CLOCK).close();
            assertThat(Files.readString(root.resolve("format-version")).trim())
                    .isEqualTo("1");
            assertThat(DataFolder.survey(root).state())
                    .isEqualTo(DataFolder.State.DATA_DIRECTORY);
        }
    }

    @Test
    void dataDirectoryWithAnythingBesideFormatVersion_isStillOne() throws Exception {
        Path root = tmp.resolve("data");
        DataDirectory.openForWriting(root, "run", Duration.ZERO, CLOCK).close();
        Files.writeString(root.resolve("README"), "backed up nightly");
        assertThat(DataFolder.survey(root).state()).isEqualTo(DataFolder.State.DATA_DIRECTORY);
        DataDirectory.openForWriting(root, "run", Duration.ZERO, CLOCK).close();
    }

    @Test
    void formatZero_isRecognisedByItsEntriesAlone_andMigrated() throws Exception {
        Path root = tmp.resolve("old");
        new FileStore(root).save(ticket("T-1"));
        Files.createDirectories(root.resolve("audit"));
        Files.createDirectories(root.resolve("lost+found"));
        Files.writeString(root.resolve("lock"), "");
        Files.writeString(root.resolve(".tmp-1234"), "half");

        assertThat(DataFolder.survey(root).state()).isEqualTo(DataFolder.State.DATA_DIRECTORY);
        try (DataDirectory d = DataDirectory.openForWriting(root, "run", Duration.ZERO, CLOCK)) {
            assertThat(d.notices()).anyMatch(n -> n.startsWith("migrated data directory"));
            assertThat(d.tickets().count()).isEqualTo(1);
        }
        assertThat(Files.readString(root.resolve("format-version")).trim()).isEqualTo("1");
    }

    @Test
    void formatZeroWithAForeignEntry_isRefused() throws Exception {
        Path root = tmp.resolve("old");
        new FileStore(root).save(ticket("T-1"));
        Files.writeString(root.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> DataFolder.refuseForeign(root))
                .hasMessageContaining("it holds notes.txt and no format-version");
        assertThat(root.resolve("format-version")).doesNotExist();
        assertThat(root.resolve("lock")).doesNotExist();
    }

    @Test
    void aFile_isRefusedAsADataDirectory() throws Exception {
        Path file = Files.writeString(tmp.resolve("tickets.json"), "[]");
        assertThatThrownBy(() -> DataFolder.refuseForeign(file))
                .hasMessageContaining(file + " is a file, not a folder");
        assertThat(file).hasContent("[]");
    }
}
