package org.helpdesktriage.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.helpdesktriage.core.assign.AgentLedger;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The PostgreSQL agent ledger: loads from the tickets, and two processes within capacity. */
@ExtendWith(PostgresExtension.class)
class PostgresLedgerTest {

    private static final String ROSTER = """
            {"agents": [
               {"id": "ana", "teams": ["tech-team"], "capacity": 3},
               {"id": "bob", "teams": ["tech-team"], "capacity": 5},
               {"id": "cy", "teams": ["tech-team"], "capacity": 7}],
             "assignment": {"teams": {"tech-team": {"strategy": "round_robin"}},
                            "default_strategy": "none"}}
            """;

    @TempDir
    Path dir;

    private Path config() throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, ROSTER);
        return file;
    }

    @Test
    void twoProcessesAssigningAtOnce_neverPushAnAgentOverCapacity(TestPostgres pg)
            throws Exception {
        String name = pg.newDatabase();
        PostgresDatabase.migrate(pg.settings(name));
        Path config = config();
        Process a = PgChildren.start(pg, name, "assign", config.toString(), "0", "3000");
        Process b = PgChildren.start(pg, name, "assign", config.toString(), "3000", "6000");
        PgChildren.go(a);
        PgChildren.go(b);
        long byA = PgChildren.result(a);
        long byB = PgChildren.result(b);
        try (PostgresDatabase db = PostgresDatabase.open(pg.settings(name), 2)) {
            Map<String, Long> held = db.tickets().list().stream()
                    .filter(t -> AgentLedger.assigneeOf(t) != null)
                    .collect(Collectors.groupingBy(AgentLedger::assigneeOf,
                            Collectors.counting()));
            assertThat(held).containsExactlyInAnyOrderEntriesOf(Map.of("ana", 3L, "bob", 5L,
                    "cy", 7L));
            assertThat(byA + byB).isEqualTo(15);
            assertThat(db.tickets().list()).filteredOn(t -> t.status() == Status.ASSIGNED)
                    .hasSize(15);
            System.out.printf("two processes assigned %d and %d of 15 places%n", byA, byB);
        }
    }

    @Test
    void board_readsLoadsFromCommittedTickets_andKeepsTheRotation(TestPostgres pg)
            throws Exception {
        String name = pg.newDatabase();
        PostgresDatabase.migrate(pg.settings(name));
        TriageConfig config = ConfigLoader.load(Optional.of(config()), Map.of(), Map.of());
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        try (PostgresDatabase db = PostgresDatabase.open(pg.settings(name), 2)) {
            Ticket held = PgTickets.aTicket("T1").status(Status.ASSIGNED)
                    .metadata(Map.of("assignee", "bob")).build();
            Ticket done = PgTickets.aTicket("T2").status(Status.RESOLVED)
                    .metadata(Map.of("assignee", "bob")).build();
            db.tickets().saveAll(List.of(held, done), db.audit(), List.of());
            try (AgentLedger.Board board = db.agentLedger().open(config.assignment())) {
                assertThat(board.load("bob")).isEqualTo(1);
                assertThat(board.load("ana")).isZero();
                board.assigned("ana", at.plusNanos(1));
                board.commit();
            }
            try (AgentLedger.Board board = db.agentLedger().open(config.assignment())) {
                // a nanosecond apart is kept in order, though timestamptz keeps microseconds
                assertThat(board.lastAssigned("ana")).isAfter(at);
                board.assigned("cy", at);
                // closed without commit: forgotten
            }
            try (AgentLedger.Board board = db.agentLedger().open(config.assignment())) {
                assertThat(board.lastAssigned("cy")).isNull();
            }
        }
    }
}
