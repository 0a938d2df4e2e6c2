package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesktriage.cli.OpsFixtures.aTicket;
import static org.helpdesktriage.cli.OpsFixtures.cli;
import static org.helpdesktriage.cli.OpsFixtures.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.store.file.DataDirectory;
import org.helpdesktriage.store.file.FileAuditLog;
import org.helpdesktriage.store.file.FileStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketsCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    Path root;
    FileStore store;

    @BeforeEach
    void dataDirectory() {
        root = tmp.resolve("data");
        DataDirectory.openForWriting(root, "test", java.time.Duration.ZERO, OpsFixtures.CLOCK)
                .close();
        store = new FileStore(root);
    }

    private static List<String> ids(String json) throws IOException {
        return Stream.of(MAPPER.readTree(json)).flatMap(a -> {
            List<String> out = new java.util.ArrayList<>();
            a.forEach(n -> out.add(n.get("ticket_id").asText()));
            return out.stream();
        }).toList();
    }

    @Test
    void list_printsATableInIdOrder() {
        store.save(ticket("TKT-2"));
        store.save(aTicket("TKT-1").title("Cannot log in").build());
        CliRun run = cli("tickets", "list", "--data-dir", root.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("TICKET_ID").contains("STATUS", "TITLE");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("TKT-1 ").contains("Cannot log in", "high");
        assertThat(lines.get(2)).startsWith("TKT-2 ");
    }

    @Test
    void list_jsonAndLimit_printTheFirstNAsJson() throws IOException {
        store.save(ticket("TKT-1"));
        store.save(ticket("TKT-2"));
        store.save(ticket("TKT-3"));
        CliRun run = cli("tickets", "list", "--json", "--limit", "2", "--data-dir",
                root.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ids(run.out())).containsExactly("TKT-1", "TKT-2");
    }

    @Test
    void list_missingDataDirectory_exitsSixRatherThanListingNothing() {
        CliRun run = cli("tickets", "list", "--data-dir", tmp.resolve("typo").toString());
        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(run.err()).startsWith("error: data directory ").contains("typo",
                "does not exist");
        assertThat(tmp.resolve("typo")).doesNotExist();
    }

    @Test
    void get_printsTheTicketJson() throws IOException {
        store.save(ticket("TKT-1"));
        CliRun run = cli("tickets", "get", "TKT-1", "--data-dir", root.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode n = MAPPER.readTree(run.out());
        assertThat(n.get("ticket_id").asText()).isEqualTo("TKT-1");
        assertThat(n.get("priority").asText()).isEqualTo("high");
    }

    @Test
    void get_unknownId_exitsOneNamingItAndTheDirectory() {
        CliRun run = cli("tickets", "get", "NOPE", "--data-dir", root.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().trim()).isEqualTo("error: no ticket 'NOPE' in " + root);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void search_everyCriterionMustHold() throws IOException {
        store.save(ticket("TKT-1"));
        store.save(aTicket("TKT-2").status(Status.CLOSED).build());
        store.save(aTicket("TKT-3").tags(List.of()).build());
        CliRun run = cli("tickets", "search", "status=new", "tags=vip", "--json", "--data-dir",
                root.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ids(run.out())).containsExactly("TKT-1");
    }

    @Test
    void search_unknownField_isAUsageErrorNamingIt() {
        CliRun run = cli("tickets", "search", "colour=red", "--data-dir", root.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'colour'", "ticket_id");
    }

    @Test
    void count_printsTheNumber() {
        store.save(ticket("TKT-1"));
        store.save(ticket("TKT-2"));
        CliRun run = cli("tickets", "count", "--data-dir", root.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().trim()).isEqualTo("2");
    }

    @Test
    void corruptFile_countAndListAgreeAndBothNameIt() throws IOException {
        store.save(ticket("TKT-1"));
        store.save(ticket("TKT-2"));
        Path bad = store.fileOf("TKT-3");
        Files.writeString(bad, "{\"ticket_id\": \"TKT-3\", \"title\": ");

        CliRun count = cli("tickets", "count", "--data-dir", root.toString());
        CliRun list = cli("tickets", "list", "--json", "--data-dir", root.toString());

        assertThat(count.exitCode()).isEqualTo(6);
        assertThat(list.exitCode()).isEqualTo(6);
        assertThat(count.out().trim()).isEqualTo("2");
        assertThat(ids(list.out())).containsExactly("TKT-1", "TKT-2");
        assertThat(count.err()).contains(bad.toString()).isEqualTo(list.err());
    }

    @Test
    void delete_removesTheTicketAndAuditsIt() {
        store.save(ticket("TKT-1"));
        store.save(ticket("TKT-2"));
        CliRun run = cli("tickets", "delete", "TKT-1", "--data-dir", root.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(store.get("TKT-1")).isEmpty();
        assertThat(store.get("TKT-2")).isPresent();
        var entries = new FileAuditLog(root, OpsFixtures.CLOCK).query(AuditLog.Query.all());
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("delete");
            assertThat(e.actor()).isEqualTo("helpdesk-triage");
            assertThat(e.ticketId()).isEqualTo("TKT-1");
            assertThat(e.time()).isEqualTo(OpsFixtures.CLOCK.instant());
            assertThat(e.changes().get("status").from()).isEqualTo("new");
        });
    }

    @Test
    void delete_unreadableFile_removesItSoHealthRecovers() throws IOException {
        Path bad = store.fileOf("TKT-9");
        Files.writeString(bad, "not json");
        CliRun run = cli("tickets", "delete", "TKT-9", "--data-dir", root.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(bad).doesNotExist();
        assertThat(new FileAuditLog(root, OpsFixtures.CLOCK).query(AuditLog.Query.all()))
                .singleElement().satisfies(e -> assertThat(e.changes().get("file").from())
                        .isEqualTo("unreadable"));
        assertThat(cli("tickets", "count", "--data-dir", root.toString()).exitCode()).isZero();
    }

    @Test
    void delete_unknownId_exitsOneAndAuditsNothing() {
        CliRun run = cli("tickets", "delete", "NOPE", "--data-dir", root.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no ticket 'NOPE' in " + root);
        assertThat(new FileAuditLog(root, OpsFixtures.CLOCK).query(AuditLog.Query.all())).isEmpty();
    }

    @Test
    void hostileAndCaseDifferentIds_areListedAndGotAndStayInsideTickets() throws IOException {
        List<String> ids = List.of("../x", "a/b", "CON", "L".repeat(300), "ABC", "abc");
        ids.forEach(id -> store.save(aTicket(id).title("title of " + id).build()));

        CliRun list = cli("tickets", "list", "--json", "--data-dir", root.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(ids(list.out())).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(cli("tickets", "count", "--data-dir", root.toString()).out().trim())
                .isEqualTo("6");
        for (String id : ids) {
            CliRun get = cli("tickets", "get", id, "--data-dir", root.toString());
            assertThat(get.exitCode()).as(id + ": " + get.err()).isZero();
            JsonNode n = MAPPER.readTree(get.out());
            assertThat(n.get("ticket_id").asText()).isEqualTo(id);
            assertThat(n.get("title").asText()).isEqualTo("title of " + id);
        }
        try (Stream<Path> all = Files.list(tmp)) {
            assertThat(all).containsExactly(root);
        }
        assertThat(OpsFixtures.snapshot(root).keySet())
                .filteredOn(f -> f.startsWith("tickets"))
                .hasSize(6)
                .allSatisfy(f -> assertThat(Path.of(f).getNameCount()).isEqualTo(2));
        assertThat(OpsFixtures.snapshot(root).keySet())
                .allMatch(f -> f.startsWith("tickets") || f.equals("format-version")
                        || f.equals("lock"));
    }
}
