package org.helpdesktriage.core.internal.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateHistoryTest {

    @TempDir
    Path dir;

    @Test
    void bugzillaExport_withMultiLineDescriptions_isRead_withoutResolution() throws IOException {
        Path file = dir.resolve("bugs.csv");
        Files.writeString(file, "Summary,Issue id,Status,Priority,Resolution,Created,Resolved,"
                + "Description\n"
                + "Crash on start,101,RESOLVED,P3,DUPLICATE,2020-01-02 17:14:21+00:00,,\"line one\n"
                + "line \"\"two\"\"\"\n"
                + "Slow mail,102,NEW,P2,,2020-01-03 08:00:00+00:00,,fast no more\n");
        List<String> bad = new ArrayList<>();
        List<DuplicateHistory.Entry> read = DuplicateHistory.readReports(file, bad::add);
        assertThat(bad).isEmpty();
        assertThat(read).hasSize(2);
        assertThat(read.get(0).report().id()).isEqualTo("101");
        assertThat(read.get(0).report().description()).isEqualTo("line one\nline \"two\"");
        assertThat(read.get(0).createdAt()).isEqualTo(Instant.parse("2020-01-02T17:14:21Z"));
        assertThat(read.get(0).report().toString()).doesNotContain("DUPLICATE");
    }

    @Test
    void projectFields_areRead_withRequester() throws IOException {
        Path file = dir.resolve("tickets.csv");
        Files.writeString(file, "ticket_id,title,description,requester_email,created_at\n"
                + "T-1,VPN down,cannot connect,ann@example.com,2024-03-01T10:00:00Z\n");
        List<DuplicateHistory.Entry> read = DuplicateHistory.readReports(file, s -> { });
        assertThat(read.get(0).report().requester()).isEqualTo("ann@example.com");
    }

    @Test
    void badRows_areNamedByFileLineAndField_andTheRestIsRead() throws IOException {
        Path file = dir.resolve("bugs.csv");
        Files.writeString(file, "Summary,Issue id,Created,Description\n"
                + "Fine,1,2020-01-02 17:14:21+00:00,ok\n"
                + "Bad date,2,yesterday,ok\n"
                + "No id,,2020-01-02 17:14:21+00:00,ok\n"
                + "Again,1,2020-01-05 17:14:21+00:00,ok\n"
                + "Also fine,5,2020-01-06 17:14:21+00:00,ok\n");
        List<String> bad = new ArrayList<>();
        List<DuplicateHistory.Entry> read = DuplicateHistory.readReports(file, bad::add);
        assertThat(read).extracting(e -> e.report().id()).containsExactly("1", "5");
        assertThat(bad).containsExactly(
                "bugs.csv line 3: created_at (Created) 'yesterday' is not a time like "
                        + "2020-01-02 17:14:21+00:00 or 2020-01-02T17:14:21Z",
                "bugs.csv line 4: the ticket id (ticket_id or Issue id) is empty",
                "bugs.csv line 5: ticket id '1' was already read on line 2");
    }

    @Test
    void links_listSeveralIds_andBadLinkRowsAreNamed() throws IOException {
        Path file = dir.resolve("links.csv");
        Files.writeString(file, "Issue id,Duplicate id\n1,\"2, 3\"\n4,\n");
        List<String> bad = new ArrayList<>();
        assertThat(DuplicateHistory.readLinks(file, bad::add)).containsExactly(
                new DuplicateHistory.Link("1", "2"), new DuplicateHistory.Link("1", "3"));
        assertThat(bad).containsExactly("links.csv line 3: Duplicate id is empty");
    }

    @Test
    void missingFile_isUnreadableInput_namingIt() {
        Path missing = dir.resolve("nowhere.csv");
        assertThatThrownBy(() -> DuplicateHistory.readReports(missing, s -> { }))
                .isInstanceOf(TriageException.class)
                .hasMessageContaining("nowhere.csv: no such file")
                .extracting(e -> ((TriageException) e).code())
                .isEqualTo(ErrorCode.INPUT_UNREADABLE);
    }
}
