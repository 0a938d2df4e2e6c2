package org.helpdesktriage.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.helpdesktriage.store.TestTickets.aTicket;
import static org.helpdesktriage.store.TestTickets.ticket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.StoreScan.CorruptRecord;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.store.MemoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileStoreTest {

    @TempDir
    Path root;

    private static final List<String> HOSTILE_IDS = List.of("../x", "a/b", "CON", "nul.txt",
            "COM1", "lpt9.json", "..", ".", "", "x\\..\\y", "C:evil", "ABC", "abc", "Abc",
            "with space ", "é€😀", "x".repeat(300), "%2E", "^a", "~CON", "+");

    @Test
    void save_hostileIds_staysInTicketsDirectoryAndRoundTrips() throws IOException {
        FileStore store = new FileStore(root);
        for (String id : HOSTILE_IDS) {
            store.save(ticket(id));
        }
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile))
                    .allSatisfy(p -> assertThat(p.getParent()).isEqualTo(store.directory()));
        }
        for (String id : HOSTILE_IDS) {
            assertThat(store.get(id)).contains(ticket(id));
        }
        assertThat(store.count()).isEqualTo(HOSTILE_IDS.size());
        assertThat(store.list()).extracting(Ticket::ticketId)
                .containsExactlyElementsOf(HOSTILE_IDS.stream().sorted().toList());
    }

    @Test
    void fileNames_differIgnoringCase_andAvoidDevicesAndLimits() {
        List<String> names = HOSTILE_IDS.stream().map(FileNames::forId).toList();
        assertThat(names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(
                Collectors.toSet())).hasSize(HOSTILE_IDS.size());
        assertThat(names).allSatisfy(n -> {
            assertThat(n).endsWith(".json").doesNotContain("/", "\\", ":", "..");
            assertThat(n.length()).isLessThanOrEqualTo(220);
            assertThat(n.chars()).allMatch(c -> c > 32 && c < 127);
            String base = n.substring(0, n.indexOf('.')).toUpperCase(Locale.ROOT);
            assertThat(base).doesNotMatch("CON|PRN|AUX|NUL|COM\\d|LPT\\d");
        });
        assertThat(FileNames.forId("TKT-20261123-AB12CD34"))
                .isEqualTo("TKT-20261123-AB12CD34.json");
    }

    @Test
    void fileNames_decodeBackToTheId_unlessHashed() {
        for (String id : HOSTILE_IDS) {
            String name = FileNames.forId(id);
            if (name.contains("+") && id.length() > 100) {
                assertThat(FileNames.idOf(name)).isEmpty();
            } else {
                assertThat(FileNames.idOf(name)).as(name).contains(id);
            }
        }
    }

    @Test
    void longIds_sharingAPrefix_getDistinctFiles() {
        FileStore store = new FileStore(root);
        String a = "A".repeat(299) + "1";
        String b = "A".repeat(299) + "2";
        store.save(ticket(a));
        store.save(ticket(b));
        assertThat(store.fileOf(a)).isNotEqualTo(store.fileOf(b));
        assertThat(store.get(a)).map(Ticket::ticketId).contains(a);
        assertThat(store.get(b)).map(Ticket::ticketId).contains(b);
    }

    @Test
    void save_sameId_replaces_andLeavesNoTemporaryFile() throws IOException {
        FileStore store = new FileStore(root);
        store.save(ticket("T-1"));
        store.save(aTicket("T-1").priority(Priority.CRITICAL).build());
        assertThat(store.get("T-1")).map(Ticket::priority).contains(Priority.CRITICAL);
        try (Stream<Path> files = Files.list(store.directory())) {
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .containsExactly("T-1.json");
        }
    }

    @Test
    void strayTempFile_isIgnoredByReads_andReportedAndRemoved() throws IOException {
        FileStore store = new FileStore(root);
        store.save(ticket("T-1"));
        Path stray = store.directory().resolve(".tmp-0123456789abcdef");
        Files.writeString(stray, "{\"ticket_id\": \"T-");
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.corruptFiles()).isEmpty();
        assertThat(store.strayTempFiles()).containsExactly(stray);
        assertThat(store.removeStrayTempFiles()).containsExactly(stray);
        assertThat(stray).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"ticket_id\": \"T-2\", \"tit", "not json", "[]", "{}",
            "{\"ticket_id\": \"T-2\"}"})
    void corruptFile_isReportedConsistently(String content) throws IOException {
        FileStore store = new FileStore(root);
        store.save(ticket("T-1"));
        store.save(ticket("T-2"));
        Path bad = store.fileOf("T-2");
        Files.writeString(bad, content);

        assertThatThrownBy(() -> store.get("T-2")).isInstanceOf(TriageException.class)
                .hasMessageContaining(bad.toString())
                .extracting(e -> ((TriageException) e).code()).isEqualTo(ErrorCode.STORE_FAILED);
        assertThat(store.get("T-1")).isPresent();
        StoreScan scan = store.scan();
        assertThat(scan.tickets()).extracting(Ticket::ticketId).containsExactly("T-1");
        assertThat(scan.corrupt()).extracting(CorruptRecord::location)
                .containsExactly(bad.toString());
        assertThat(store.corruptFiles()).isEqualTo(scan.corrupt());
        assertThatThrownBy(store::list).hasMessageContaining(bad.toString());
        assertThatThrownBy(store::count).hasMessageContaining(bad.toString());
        assertThatThrownBy(() -> store.search(Map.of())).hasMessageContaining(bad.toString());
    }

    @Test
    void fileHoldingAnotherTicket_isReportedNotListedTwice() throws IOException {
        FileStore store = new FileStore(root);
        store.save(ticket("T-1"));
        Files.copy(store.fileOf("T-1"), store.directory().resolve("T-9.json"));
        assertThatThrownBy(() -> store.get("T-9")).hasMessageContaining("holds ticket 'T-1'");
        assertThat(store.scan().tickets()).hasSize(1);
        assertThat(store.corruptFiles()).singleElement().extracting(CorruptRecord::problem)
                .asString().contains("holds ticket 'T-1'");
    }

    @Test
    void search_delete_clear() {
        FileStore store = new FileStore(root);
        store.save(ticket("T-1"));
        store.save(aTicket("T-2").status(Status.TRIAGED).assignedTo("tech-team")
                .tags(List.of("other")).build());
        assertThat(store.search(Map.of("status", "TRIAGED", "assigned_to", "tech-team")))
                .extracting(Ticket::ticketId).containsExactly("T-2");
        assertThat(store.search(Map.of("tags", "vip"))).extracting(Ticket::ticketId)
                .containsExactly("T-1");
        assertThat(store.search(Map.of("requester_email", "ANN@example.com"))).hasSize(2);
        assertThatThrownBy(() -> store.search(Map.of("colour", "red")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
        assertThat(store.delete("T-1")).isTrue();
        assertThat(store.delete("T-1")).isFalse();
        store.clear();
        assertThat(store.count()).isZero();
    }

    @Test
    void memoryStore_behavesLikeFileStore() {
        MemoryStore store = new MemoryStore();
        for (String id : List.of("b", "a", "C")) {
            store.save(ticket(id));
        }
        assertThat(store.list()).extracting(Ticket::ticketId).containsExactly("C", "a", "b");
        assertThat(store.count()).isEqualTo(3);
        assertThat(store.search(Map.of("ticket_id", "a"))).hasSize(1);
        assertThat(store.delete("a")).isTrue();
        assertThat(store.get("a")).isEmpty();
    }

    @Test
    void storedFile_isTheSharedTicketJson() throws IOException {
        FileStore store = new FileStore(root);
        store.save(ticket("T-1"));
        String text = Files.readString(store.fileOf("T-1"), StandardCharsets.UTF_8);
        assertThat(text.indexOf("\"ticket_id\"")).isLessThan(text.indexOf("\"score\""));
        assertThat(text).contains("\"created_at\" : \"2026-11-20T10:15:30Z\"");
    }
}
