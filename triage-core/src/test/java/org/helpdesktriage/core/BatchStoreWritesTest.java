package org.helpdesktriage.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.ingest.RecordReaders;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.core.store.TicketStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A batch hands each chunk's store writes to the store in one call, before the sink sees it. */
class BatchStoreWritesTest {

    /** A store in memory that records each saveAll call and refuses single saves. */
    private static class ChunkStore implements TicketStore {
        final Map<String, Ticket> tickets = new ConcurrentSkipListMap<>();
        final List<Integer> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void save(Ticket ticket) {
            throw new AssertionError("a batch saves chunks, not single tickets");
        }

        @Override
        public boolean savesInChunks() {
            return true;
        }

        @Override
        public void saveAll(List<Ticket> batch, AuditLog audit, List<AuditLog.Entry> entries) {
            assertThat(entries).hasSameSizeAs(batch);
            calls.add(batch.size());
            batch.forEach(t -> tickets.put(t.ticketId(), t));
            entries.forEach(audit::append);
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
            return new StoreScan(List.copyOf(tickets.values()), List.of());
        }

        @Override
        public void clear() {
            tickets.clear();
        }
    }

    private static List<RawRecord> records(int n) {
        List<RawRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(RecordReaders.readFields(Map.of("ticket_id", "TKT-" + i, "title",
                    "Cannot log in", "description", "reset", "requester_email",
                    "u" + i + "@example.com"), "test"));
        }
        out.add(RecordReaders.readFields(Map.of("ticket_id", "BAD"), "test"));
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void eachChunk_isSavedInOneCall_beforeItsOutcomesReachTheSink(int parallelism) {
        ChunkStore store = new ChunkStore();
        AuditLog audit = AuditLog.memory();
        TriageEngine engine = TriageEngine.builder().build();
        StoringStep storing = StoringStep.builder(engine).store(store).auditLog(audit).build();
        Set<String> seenUnsaved = new HashSet<>();
        int n = 2 * BatchTriage.CHUNK_SIZE + 100;
        BatchTriage.Summary summary = BatchTriage.run(engine, storing, records(n).iterator(), o -> {
            if (o instanceof TriageOutcome.Triaged t
                    && !store.tickets.containsKey(t.result().ticket().ticketId())) {
                seenUnsaved.add(t.result().ticket().ticketId());
            }
        }, parallelism);
        assertThat(summary.triaged()).isEqualTo(n);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(seenUnsaved).isEmpty();
        assertThat(store.calls).hasSize(3).allSatisfy(c -> assertThat(c)
                .isLessThanOrEqualTo(BatchTriage.CHUNK_SIZE));
        assertThat(store.tickets).hasSize(n);
        assertThat(audit.query(AuditLog.Query.all())).hasSize(n);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aStoreThatDoesNotAskForChunks_savesEachTicketAsItIsTriaged(int parallelism) {
        List<Ticket> saved = Collections.synchronizedList(new ArrayList<>());
        TicketStore store = new ChunkStore() {
            @Override
            public boolean savesInChunks() {
                return false;
            }

            @Override
            public void save(Ticket ticket) {
                saved.add(ticket);
            }
        };
        TriageEngine engine = TriageEngine.builder().build();
        BatchTriage.run(engine, StoringStep.builder(engine).store(store).build(),
                records(10).iterator(), o -> { }, parallelism);
        assertThat(saved).hasSize(10);
        assertThat(((ChunkStore) store).calls).isEmpty();
    }

    @Test
    void singleSave_savesAtOnce() {
        List<Ticket> saved = new ArrayList<>();
        TicketStore store = new ChunkStore() {
            @Override
            public void save(Ticket ticket) {
                saved.add(ticket);
            }
        };
        TriageEngine engine = TriageEngine.builder().build();
        Ticket ticket = TestTickets.aTicket().build();
        StoringStep.builder(engine).store(store).build().save(ticket, engine.triage(ticket));
        assertThat(saved).hasSize(1);
    }
}
