package org.helpdesktriage.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.helpdesktriage.core.escalation.EscalationService;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.core.store.ClaimingStore;
import org.helpdesktriage.core.store.StoreScan.CorruptRecord;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.core.store.TicketStore;
import org.junit.jupiter.api.Test;

/** Over a store that claims, the sweep works through claimed batches and saves through them. */
class ClaimingSweepTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    /** Claims in id order, in batches; scan and save are not for the sweep to use. */
    private static final class Claims implements TicketStore, ClaimingStore {
        final TreeMap<String, Ticket> tickets = new TreeMap<>();
        final List<Integer> batches = new ArrayList<>();

        @Override
        public List<CorruptRecord> claimUnfinished(int batchSize, AuditLog audit,
                Function<List<Ticket>, Changes> work) {
            List<Ticket> open = tickets.values().stream()
                    .filter(t -> !t.status().isFinished()).toList();
            for (int i = 0; i < open.size(); i += batchSize) {
                List<Ticket> batch = open.subList(i, Math.min(i + batchSize, open.size()));
                batches.add(batch.size());
                Changes changes = work.apply(batch);
                changes.tickets().forEach(t -> tickets.put(t.ticketId(), t));
                changes.entries().forEach(audit::append);
            }
            return List.of(new CorruptRecord("row X", "is not a ticket"));
        }

        @Override
        public void save(Ticket ticket) {
            throw new AssertionError("the claiming sweep saves through its claims");
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
            throw new AssertionError("the claiming sweep does not scan");
        }

        @Override
        public void clear() {
            tickets.clear();
        }
    }

    @Test
    void sweep_escalatesThroughClaimedBatches_andReportsWhatTheClaimsCouldNotRead() {
        Claims store = new Claims();
        int n = EscalationSweep.CLAIM_BATCH + 10;
        for (int i = 0; i < n; i++) {
            store.tickets.put(String.format("T%04d", i), TestTickets.aTicket()
                    .ticketId(String.format("T%04d", i)).priority(Priority.CRITICAL)
                    .status(Status.TRIAGED).build());
        }
        store.tickets.put("DONE", TestTickets.aTicket().ticketId("DONE").status(Status.CLOSED)
                .build());
        AuditLog audit = AuditLog.memory();
        EscalationSweep.Result result = new EscalationSweep(store, audit, new EscalationService(
                EscalationService.Policy.defaults(), Clock.fixed(NOW, ZoneOffset.UTC)), "cron")
                .run("RUN-1", false);
        assertThat(store.batches).containsExactly(EscalationSweep.CLAIM_BATCH, 10);
        assertThat(result.escalations()).hasSize(n);
        assertThat(result.checked()).isEqualTo(n);
        assertThat(result.corrupt()).extracting(CorruptRecord::location).containsExactly("row X");
        assertThat(store.tickets.values()).filteredOn(t -> !t.ticketId().equals("DONE"))
                .extracting(Ticket::status).containsOnly(Status.ESCALATED);
        assertThat(audit.query(AuditLog.Query.all())).hasSize(n)
                .extracting(AuditLog.Entry::runId).containsOnly("RUN-1");
    }
}
