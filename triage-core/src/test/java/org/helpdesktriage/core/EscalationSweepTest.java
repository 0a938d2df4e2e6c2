package org.helpdesktriage.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.helpdesktriage.core.escalation.EscalationService;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.core.store.StoreScan.CorruptRecord;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.core.store.TicketStore;
import org.junit.jupiter.api.Test;

class EscalationSweepTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final Store store = new Store();
    private final AuditLog audit = AuditLog.memory();
    private final EscalationSweep sweep = new EscalationSweep(store, audit,
            new EscalationService(EscalationService.Policy.defaults(),
                    Clock.fixed(NOW, ZoneOffset.UTC)),
            "cron");

    /** A store in a sorted map, with one record that cannot be read. */
    private static final class Store implements TicketStore {
        final TreeMap<String, Ticket> tickets = new TreeMap<>();

        @Override
        public void save(Ticket ticket) {
            tickets.put(ticket.ticketId(), ticket);
        }

        @Override
        public Optional<Ticket> get(String ticketId) {
            return Optional.ofNullable(tickets.get(ticketId));
        }

        @Override
        public boolean delete(String ticketId) {
            return tickets.remove(ticketId) != null;
        }

        @Override
        public StoreScan scan() {
            return new StoreScan(List.copyOf(tickets.values()),
                    List.of(new CorruptRecord("tickets/TKT-9.json", "is not valid JSON")));
        }

        @Override
        public void clear() {
            tickets.clear();
        }
    }

    private static Ticket ticket(String id, Status status, Duration age) {
        return Ticket.builder().ticketId(id).title("t").description("d")
                .requesterEmail("a@example.com").priority(Priority.LOW).status(status)
                .createdAt(NOW.minus(age)).build();
    }

    @Test
    void run_escalatesSavesAndAuditsOnlyDueTickets_andReportsUnreadableRecords() {
        store.save(ticket("TKT-1", Status.TRIAGED, Duration.ofHours(30)));
        store.save(ticket("TKT-2", Status.TRIAGED, Duration.ofHours(2)));
        store.save(ticket("TKT-3", Status.CLOSED, Duration.ofHours(90)));

        EscalationSweep.Result result = sweep.run("run-1", false);

        assertThat(result.escalations()).extracting(e -> e.ticket().ticketId())
                .containsExactly("TKT-1");
        assertThat(result.checked()).isEqualTo(3);
        assertThat(result.open()).isEqualTo(2);
        assertThat(result.corrupt()).extracting(CorruptRecord::location)
                .containsExactly("tickets/TKT-9.json");
        assertThat(store.get("TKT-1").orElseThrow().status()).isEqualTo(Status.ESCALATED);
        assertThat(audit.query(AuditLog.Query.all())).singleElement().satisfies(e -> {
            assertThat(e.ticketId()).isEqualTo("TKT-1");
            assertThat(e.actor()).isEqualTo("cron");
            assertThat(e.runId()).isEqualTo("run-1");
            assertThat(e.time()).isEqualTo(NOW);
            assertThat(e.changes()).containsKeys("priority", "status", "escalation_reason");
        });
    }

    @Test
    void run_dryRun_findsTheSameButChangesNothing() {
        Ticket due = ticket("TKT-1", Status.TRIAGED, Duration.ofHours(30));
        store.save(due);

        EscalationSweep.Result result = sweep.run(null, true);

        assertThat(result.escalations()).hasSize(1);
        assertThat(store.get("TKT-1")).contains(due);
        assertThat(audit.query(AuditLog.Query.all())).extracting(AuditLog.Entry::ticketId)
                .isEmpty();
    }
}
