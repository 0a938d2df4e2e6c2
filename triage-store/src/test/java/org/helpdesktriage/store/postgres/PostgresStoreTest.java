package org.helpdesktriage.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.store.DeadLetter;
import org.helpdesktriage.store.RunRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresStoreTest {

    private PostgresDatabase db;

    @BeforeEach
    void open(TestPostgres pg) {
        String name = pg.newDatabase();
        PostgresDatabase.migrate(pg.settings(name));
        db = PostgresDatabase.open(pg.settings(name), 4);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void saveGetDelete_roundTripsTheTicket() {
        Ticket t = PgTickets.aTicket("TKT-1").assignedTo("it-team").score(0.75).build();
        db.tickets().save(t);
        assertThat(db.tickets().get("TKT-1")).contains(t);
        assertThat(db.tickets().get("TKT-2")).isEmpty();
        assertThat(db.tickets().delete("TKT-1")).isTrue();
        assertThat(db.tickets().delete("TKT-1")).isFalse();
        assertThat(db.tickets().count()).isZero();
    }

    @Test
    void getAll_readsTheStoredOnesInOneQuery_andLeavesOutTheMissing() {
        db.tickets().saveAll(List.of(PgTickets.ticket("TKT-1"), PgTickets.ticket("TKT-2")),
                db.audit(), List.of());
        assertThat(db.tickets().getAll(List.of("TKT-2", "TKT-9", "TKT-1")))
                .containsOnlyKeys("TKT-1", "TKT-2")
                .containsEntry("TKT-1", db.tickets().get("TKT-1").orElseThrow());
        assertThat(db.tickets().getAll(List.of())).isEmpty();
    }

    @Test
    void saveAll_sameIdTwiceAndAgain_keepsOneRowPerIdWithTheLastVersion() {
        List<Ticket> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(PgTickets.ticket("TKT-" + i));
        }
        batch.add(PgTickets.aTicket("TKT-3").title("second version").build());
        db.tickets().saveAll(batch, db.audit(), List.of());
        db.tickets().saveAll(batch.subList(40, 51), db.audit(), List.of());
        assertThat(db.tickets().count()).isEqualTo(50);
        assertThat(db.tickets().get("TKT-3").orElseThrow().title()).isEqualTo("second version");
        assertThat(db.tickets().list()).extracting(Ticket::ticketId).startsWith("TKT-0",
                "TKT-1", "TKT-10");
    }

    @Test
    void saveAll_ofAChunk_goesThroughCopy_andKeepsTabsNewlinesAndBackslashes() {
        List<Ticket> batch = new ArrayList<>();
        List<AuditLog.Entry> entries = new ArrayList<>();
        for (int i = 0; i < PostgresTicketStore.COPY_FROM + 5; i++) {
            batch.add(PgTickets.aTicket("T\\" + i).description("line one\n\tline\\two\r "
                    + "\\N \u00e9").assignedTo(i % 2 == 0 ? null : "team\tA").build());
            entries.add(new AuditLog.Entry(PgTickets.T0, "cron\\x", "triage", "T\\" + i,
                    Map.of("title", new AuditLog.Entry.Change(null, "a\tb\nc\\N")), null));
        }
        db.tickets().saveAll(batch, db.audit(), entries);
        assertThat(db.tickets().list()).containsExactlyInAnyOrderElementsOf(batch);
        assertThat(db.audit().query(AuditLog.Query.all())).containsExactlyElementsOf(entries);
    }

    @Test
    void saveAll_withTheDatabasesAuditLog_commitsEntriesWithTickets() {
        Ticket t = PgTickets.ticket("TKT-1");
        AuditLog.Entry e = new AuditLog.Entry(PgTickets.T0, "cron", "triage", "TKT-1",
                Map.of("status", new AuditLog.Entry.Change("new", "triaged")), "RUN-1");
        db.tickets().saveAll(List.of(t), db.audit(), List.of(e));
        assertThat(db.audit().query(AuditLog.Query.all())).containsExactly(e);
    }

    @Test
    void auditQuery_filtersAndKeepsTheMostRecentInOrder() {
        for (int i = 0; i < 10; i++) {
            db.audit().append(new AuditLog.Entry(PgTickets.T0.plusSeconds(i),
                    i % 2 == 0 ? "a" : "b",
                    "triage", "TKT-" + (i % 3), Map.of(), null));
        }
        List<AuditLog.Entry> last = db.audit().query(AuditLog.Query.all().actor("a").mostRecent(2));
        assertThat(last).extracting(AuditLog.Entry::time).containsExactly(
                PgTickets.T0.plusSeconds(6), PgTickets.T0.plusSeconds(8));
        assertThat(db.audit().query(AuditLog.Query.all().ticket("TKT-1")
                .since(PgTickets.T0.plusSeconds(2)).until(PgTickets.T0.plusSeconds(8))))
                .extracting(AuditLog.Entry::time).containsExactly(PgTickets.T0.plusSeconds(4),
                        PgTickets.T0.plusSeconds(7));
    }

    @Test
    void runsAndDeadLetters_roundTrip() {
        RunRecord run = new RunRecord("RUN-1", "triage", PgTickets.T0,
                PgTickets.T0.plusSeconds(5), 4, Map.of("input", "t.json"),
                Map.of("read", 3L, "rejected", 1L));
        db.runs().save(run);
        assertThat(db.runs().list()).containsExactly(run);
        assertThat(db.runs().pruneStartedBefore(Instant.parse("2027-01-01T00:00:00Z")))
                .containsExactly(run);
        DeadLetter d = new DeadLetter("DL-1", PgTickets.T0, "RUN-1", "t.json line 2",
                "title is missing", Map.of("raw", "{}"), 1);
        db.deadLetters().save(d);
        db.deadLetters().save(d.failedAgain(PgTickets.T0.plusSeconds(1), "still", "RUN-2"));
        assertThat(db.deadLetters().list()).singleElement()
                .extracting(DeadLetter::attempts).isEqualTo(2);
        assertThat(db.deadLetters().remove("DL-1")).isTrue();
        assertThat(db.deadLetters().count()).isZero();
    }

    @Test
    void corruptRow_isReportedByScan_andRefusedByList(TestPostgres pg) {
        db.tickets().save(PgTickets.ticket("TKT-1"));
        db.tickets().save(PgTickets.ticket("TKT-2"));
        String name = db.settings().database();
        pg.sql(name, "UPDATE tickets SET body = '{\"ticket_id\": \"TKT-2\"}' "
                + "WHERE ticket_id = 'TKT-2'");
        var scan = db.tickets().scan();
        assertThat(scan.tickets()).extracting(Ticket::ticketId).containsExactly("TKT-1");
        assertThat(scan.corrupt()).singleElement().satisfies(c ->
                assertThat(c.location()).isEqualTo("tickets row 'TKT-2'"));
        assertThatThrownBy(() -> db.tickets().list()).isInstanceOf(TriageException.class)
                .hasMessageContaining("TKT-2");
    }

    @Test
    void claims_handOutOnlyUnfinishedTickets_andSaveTheChanges() {
        db.tickets().save(PgTickets.ticket("A"));
        db.tickets().save(PgTickets.aTicket("B").status(Status.CLOSED).build());
        db.tickets().save(PgTickets.ticket("C"));
        List<String> seen = new ArrayList<>();
        db.tickets().claimUnfinished(1, db.audit(), batch -> {
            batch.forEach(t -> seen.add(t.ticketId()));
            Ticket done = batch.get(0).withStatus(Status.ESCALATED, PgTickets.T0);
            return new org.helpdesktriage.core.store.ClaimingStore.Changes(List.of(done),
                    List.of());
        });
        assertThat(seen).containsExactly("A", "C");
        assertThat(db.tickets().get("C").orElseThrow().status()).isEqualTo(Status.ESCALATED);
    }

    @Test
    void exclusiveLock_refusesASecondHolder_namingTheFirst() {
        try (StoreLock held = db.lock("cleanup", true, java.time.Duration.ZERO,
                java.time.Clock.systemUTC())) {
            assertThatThrownBy(() -> db.lock("restore", true, java.time.Duration.ZERO,
                    java.time.Clock.systemUTC()))
                    .isInstanceOf(TriageException.class)
                    .satisfies(e -> assertThat(((TriageException) e).code())
                            .isEqualTo(ErrorCode.LOCKED))
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("command cleanup");
            assertThatThrownBy(() -> db.lock("triage", false, java.time.Duration.ZERO,
                    java.time.Clock.systemUTC())).hasMessageContaining("command cleanup");
        }
        try (StoreLock a = db.lock("triage", false, java.time.Duration.ZERO,
                java.time.Clock.systemUTC());
                StoreLock b = db.lock("escalate", false, java.time.Duration.ZERO,
                        java.time.Clock.systemUTC())) {
            assertThat(a.exclusive()).isFalse();
            assertThatThrownBy(() -> db.lock("restore", true, java.time.Duration.ZERO,
                    java.time.Clock.systemUTC())).hasMessageContaining("command triage")
                    .hasMessageContaining("command escalate");
        }
    }
}
