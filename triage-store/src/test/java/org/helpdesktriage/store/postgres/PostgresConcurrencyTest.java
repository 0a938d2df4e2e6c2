package org.helpdesktriage.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two real processes on one database at once: writers over overlapping ids, and two sweeps. */
@ExtendWith(PostgresExtension.class)
class PostgresConcurrencyTest {

    @Test
    void twoProcessesTriagingOverlappingInputs_endWithOneRowPerId(TestPostgres pg)
            throws Exception {
        String name = pg.newDatabase();
        PostgresDatabase.migrate(pg.settings(name));
        Process a = PgChildren.start(pg, name, "triage", "0", "4000");
        Process b = PgChildren.start(pg, name, "triage", "2000", "6000");
        PgChildren.go(a);
        PgChildren.go(b);
        assertThat(PgChildren.result(a)).isEqualTo(4000);
        assertThat(PgChildren.result(b)).isEqualTo(4000);
        try (PostgresDatabase db = PostgresDatabase.open(pg.settings(name), 2)) {
            List<Ticket> all = db.tickets().list();
            assertThat(all).hasSize(6000);
            assertThat(all).extracting(Ticket::status).containsOnly(Status.TRIAGED);
            assertThat(db.tickets().count()).isEqualTo(6000);
            // every triage of the overlap is audited: 2000 ids twice, the others once
            List<AuditLog.Entry> audit = db.audit().query(AuditLog.Query.all());
            assertThat(audit).hasSize(8000);
            Map<String, Long> perTicket = audit.stream().collect(Collectors.groupingBy(
                    AuditLog.Entry::ticketId, Collectors.counting()));
            assertThat(perTicket.get("TKT-03000")).isEqualTo(2);
            assertThat(perTicket.get("TKT-00001")).isEqualTo(1);
        }
    }

    @Test
    void twoSweepsAtOnce_escalateAndAuditEachTicketExactlyOnce(TestPostgres pg)
            throws Exception {
        String name = pg.newDatabase();
        PostgresDatabase.migrate(pg.settings(name));
        int n = 3000;
        try (PostgresDatabase db = PostgresDatabase.open(pg.settings(name), 2)) {
            List<Ticket> due = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                due.add(PgTickets.aTicket(String.format("TKT-%05d", i))
                        .priority(Priority.MEDIUM).status(Status.TRIAGED).build());
            }
            due.add(PgTickets.aTicket("DONE").status(Status.CLOSED).build());
            db.tickets().saveAll(due, db.audit(), List.of());
        }
        Process a = PgChildren.start(pg, name, "sweep");
        Process b = PgChildren.start(pg, name, "sweep");
        PgChildren.go(a);
        PgChildren.go(b);
        long byA = PgChildren.result(a);
        long byB = PgChildren.result(b);
        assertThat(byA + byB).isEqualTo(n);
        try (PostgresDatabase db = PostgresDatabase.open(pg.settings(name), 2)) {
            List<AuditLog.Entry> escalations = db.audit().query(AuditLog.Query.all()).stream()
                    .filter(e -> e.action().equals("escalate")).toList();
            assertThat(escalations).hasSize(n);
            assertThat(escalations.stream().map(AuditLog.Entry::ticketId).distinct()).hasSize(n);
            assertThat(db.tickets().list()).filteredOn(t -> !t.ticketId().equals("DONE"))
                    .extracting(Ticket::status).containsOnly(Status.ESCALATED);
            assertThat(db.tickets().list()).extracting(Ticket::priority)
                    .doesNotContain(Priority.CRITICAL);
            System.out.printf("two sweeps: %d and %d of %d escalated, %d audit entries%n",
                    byA, byB, n, escalations.size());
        }
    }
}
