package org.helpdesktriage.store.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.TriageOutcome;
import org.helpdesktriage.core.assign.AgentLedger;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.store.HealthCheck;
import org.helpdesktriage.store.RecordedRun;
import org.helpdesktriage.store.archive.Backup;
import org.helpdesktriage.store.archive.Restore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory's agent ledger: written at commit, rebuilt when missing or corrupt, healed
 * when tickets it lists are deleted or resolved behind its back, carried by backup and restore.
 */
class FileLedgerTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path root;
    private TriageConfig config;

    @BeforeEach
    void setUp() throws IOException {
        root = dir.resolve("data");
        Path file = dir.resolve("config.json");
        Files.writeString(file, """
                {"agents": [
                   {"id": "ana", "teams": ["tech-team"], "capacity": 2},
                   {"id": "bob", "teams": ["tech-team"], "capacity": 2}],
                 "assignment": {"teams": {"tech-team": {"strategy": "round_robin"}},
                                "default_strategy": "none"}}
                """);
        config = ConfigLoader.load(Optional.of(file), Map.of(), Map.of());
    }

    private static String record(String id) {
        return "{\"ticket_id\":\"" + id + "\",\"title\":\"Server down " + id + "\","
                + "\"description\":\"the server is down\",\"requester_email\":\"a@example.com\","
                + "\"category\":\"technical\",\"created_at\":\"2026-12-01T08:00:00Z\"}";
    }

    // one run: triages the ids into the data directory and returns each ticket's assignee
    private List<String> triage(String... ids) {
        List<String> agents = new ArrayList<>();
        try (RecordedRun run = RecordedRun.startReproducible(DataDirectory.openForWriting(root,
                "triage", Duration.ZERO, CLOCK), "triage", CLOCK)) {
            TriageEngine engine = run.engine(config).build();
            var storing = run.storing(engine);
            for (String id : ids) {
                TriageOutcome o = storing.save(engine.triageJson(record(id)));
                agents.add(AgentLedger.assigneeOf(((TriageOutcome.Triaged) o).result().ticket()));
            }
            run.finish(0, Map.of(), Map.of());
        }
        return agents;
    }

    private int load(String agent) {
        try (DataDirectory data = DataDirectory.openForWriting(root, "t", Duration.ZERO, CLOCK);
                AgentLedger.Board board = data.agentLedger().open(config.assignment())) {
            return board.load(agent);
        }
    }

    @Test
    void runs_continueTheRotation_andWriteTheLedgerAtCommit() throws IOException {
        assertThat(triage("T1")).containsExactly("ana");
        assertThat(triage("T2")).containsExactly("bob");
        assertThat(triage("T3", "T4", "T5")).containsExactly("ana", "bob", null);
        String file = Files.readString(LedgerFile.of(root));
        assertThat(file).contains("\"ana\"", "\"T1\"", "\"T3\"", "\"bob\"", "\"T4\"");
        assertThat(StoreHealth.check(root)).filteredOn(c -> c.name().equals("agent ledger"))
                .extracting(HealthCheck::ok).containsExactly(true);
    }

    @Test
    void deletedLedger_isRebuiltFromTheTickets() throws IOException {
        triage("T1", "T2", "T3");
        Files.delete(LedgerFile.of(root));
        assertThat(load("ana")).isEqualTo(2);
        assertThat(load("bob")).isEqualTo(1);
        // the rotation too: ana was assigned last (T3), so bob is next
        assertThat(triage("T4")).containsExactly("bob");
        assertThat(Files.readString(LedgerFile.of(root))).contains("\"T4\"");
    }

    @Test
    void corruptLedger_isReportedByHealth_andRebuilt() throws IOException {
        triage("T1", "T2");
        Files.writeString(LedgerFile.of(root), "{\"agents\": [tru");
        assertThat(StoreHealth.check(root)).filteredOn(c -> c.name().equals("agent ledger"))
                .singleElement().satisfies(c -> {
                    assertThat(c.ok()).isTrue();
                    assertThat(c.warning()).isTrue();
                    assertThat(c.detail()).contains("rebuilds it");
                });
        assertThat(triage("T3", "T4", "T5")).containsExactly("ana", "bob", null);
        assertThat(LedgerFile.read(root).held().get("ana")).containsExactly("T1", "T3");
    }

    @Test
    void ticketsDeletedOrResolvedBehindItsBack_freeCapacity() {
        triage("T1", "T2", "T3", "T4");
        try (DataDirectory data = DataDirectory.openForWriting(root, "t", Duration.ZERO, CLOCK)) {
            data.deleteTicket("T1", "test", T);
            Ticket t3 = data.tickets().get("T3").orElseThrow();
            data.tickets().save(t3.withStatus(Status.RESOLVED, T));
        }
        assertThat(load("ana")).isZero();
        assertThat(triage("T5", "T6", "T7")).containsExactly("ana", "ana", null);
    }

    @Test
    void backupAndRestore_keepTheLedger() throws IOException {
        triage("T1", "T2", "T3");
        String before = Files.readString(LedgerFile.of(root));
        Path archive;
        try (DataDirectory data = DataDirectory.openForWriting(root, "backup", Duration.ZERO,
                CLOCK)) {
            archive = Backup.create(root, dir.resolve("backups"), CLOCK);
        }
        triage("T4");
        assertThat(Files.readString(LedgerFile.of(root))).isNotEqualTo(before);
        Restore.run(archive, root, CLOCK);
        assertThat(Files.readString(LedgerFile.of(root))).isEqualTo(before);
        assertThat(HealthCheck.healthy(StoreHealth.check(root))).isTrue();
        assertThat(triage("T4")).containsExactly("bob");
    }

    @Test
    void ticketsSavedAfterTheLedgerWasWritten_areCaughtUp() {
        triage("T1", "T2");
        // as a run that died after saving its tickets, before its ledger reached the disk
        try (DataDirectory data = DataDirectory.openForWriting(root, "t", Duration.ZERO, CLOCK)) {
            Ticket t = data.tickets().get("T2").orElseThrow();
            java.util.Map<String, Object> metadata = new java.util.LinkedHashMap<>(t.metadata());
            metadata.put(AgentLedger.ASSIGNEE, "ana");
            metadata.put(AgentLedger.ASSIGNED_AT, T.plusSeconds(60).toString());
            data.tickets().save(new Ticket("T9", t.title(), t.description(),
                    t.requesterEmail(), t.category(), t.priority(), Status.ASSIGNED,
                    t.createdAt(), T, t.assignedTo(), t.tags(), metadata, t.score()));
        }
        assertThat(load("ana")).isEqualTo(2);
        // ana's assignment of T9 is the latest, so bob is next
        assertThat(triage("T3")).containsExactly("bob");
    }

    @Test
    void boardClosedWithoutCommit_forgetsWhatItRecorded() {
        triage("T1");
        try (DataDirectory data = DataDirectory.openForWriting(root, "t", Duration.ZERO, CLOCK)) {
            try (AgentLedger.Board board = data.agentLedger().open(config.assignment())) {
                board.took("bob", "X");
                board.assigned("bob", T.plusSeconds(5));
            }
            try (AgentLedger.Board board = data.agentLedger().open(config.assignment())) {
                assertThat(board.load("bob")).isZero();
                assertThat(board.lastAssigned("bob")).isNull();
                assertThat(board.load("ana")).isEqualTo(1);
            }
        }
    }
}
