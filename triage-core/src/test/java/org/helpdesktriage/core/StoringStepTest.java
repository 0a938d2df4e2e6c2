package org.helpdesktriage.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.ingest.RecordReaders;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.core.store.TicketStore;
import org.junit.jupiter.api.Test;

/** The storing step keeps what the engine decided; the engine alone keeps nothing. */
class StoringStepTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"),
            ZoneOffset.UTC);
    private static final String LOCKED = "{\"ticket_id\": \"TKT-1\", \"title\": \"Account "
            + "locked\", \"description\": \"Cannot log in\", \"requester_email\": "
            + "\"ann@example.com\", \"priority\": \"low\"}";

    private final TriageEngine engine = TriageEngine.builder().clock(CLOCK).build();
    private final TestStore store = new TestStore();
    private final AuditLog audit = AuditLog.memory();
    private final StoringStep storing = StoringStep.builder(engine).store(store).auditLog(audit)
            .actor("importer").runId("run-1").build();

    @Test
    void engineAlone_storesNothing_andTheStepStoresWithAnAuditEntry() {
        TriageOutcome decided = engine.triageJson(LOCKED);
        assertThat(store.scan().tickets()).isEmpty();

        TriageOutcome stored = storing.save(decided);

        Ticket reported = ((TriageOutcome.Triaged) stored).result().ticket();
        assertThat(store.get("TKT-1")).hasValueSatisfying(t -> {
            assertThat(t.assignedTo()).isEqualTo(reported.assignedTo());
            assertThat(t.priority()).isEqualTo(reported.priority());
        });
        assertThat(audit.query(AuditLog.Query.all())).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("importer");
            assertThat(e.runId()).isEqualTo("run-1");
            assertThat(e.ticketId()).isEqualTo("TKT-1");
        });
    }

    @Test
    void triaged_carriesTheTicketAsItArrived_beforeTriage() {
        TriageOutcome.Triaged t = (TriageOutcome.Triaged) engine.triageJson(LOCKED);
        assertThat(t.arriving().priority()).isEqualTo(Priority.LOW);
        assertThat(t.arriving().assignedTo()).isNull();
        assertThat(t.result().routing().assignedTo()).isNotNull();
    }

    @Test
    void reimportOfAnUnchangedRecord_writesNothing_andReportsTheStoredTicket() {
        storing.save(engine.triageJson(LOCKED));
        Ticket first = store.get("TKT-1").orElseThrow();
        Ticket again = ((TriageOutcome.Triaged) storing.save(engine.triageJson(LOCKED)))
                .result().ticket();
        assertThat(again).isEqualTo(first);
        assertThat(store.get("TKT-1")).containsSame(first);
        assertThat(audit.query(AuditLog.Query.all())).hasSize(1);
    }

    @Test
    void rejectedOutcome_passesThroughUnstored() {
        TriageOutcome rejected = engine.triageJson("{broken");
        assertThat(storing.save(rejected)).isSameAs(rejected);
        assertThat(store.scan().tickets()).isEmpty();
    }

    @Test
    void none_storesNothing_andPassesEveryOutcomeThrough() {
        List<TriageOutcome> outcomes = List.of(engine.triageJson(LOCKED));
        assertThat(StoringStep.none().stores()).isFalse();
        assertThat(StoringStep.none().savesInChunks()).isFalse();
        assertThat(StoringStep.none().saveAll(outcomes)).isSameAs(outcomes);
        assertThat(StoringStep.none().save(outcomes.get(0))).isSameAs(outcomes.get(0));
    }

    @Test
    void saveAll_inChunks_writesOnceAndMergesATicketSeenTwiceIntoItsFirstAppearance() {
        List<Integer> calls = new ArrayList<>();
        TicketStore chunked = new ChunkedStore(store, calls);
        StoringStep step = StoringStep.builder(engine).store(chunked).auditLog(audit).build();

        List<TriageOutcome> done = step.saveAll(List.of(engine.triageJson(LOCKED),
                engine.triageJson("{broken"), engine.triageJson(LOCKED)));

        assertThat(calls).containsExactly(1);
        assertThat(done).hasSize(3);
        assertThat(done.get(1)).isInstanceOf(TriageOutcome.Rejected.class);
        // the second appearance merges into the first, changes nothing and writes nothing
        assertThat(((TriageOutcome.Triaged) done.get(2)).result().ticket())
                .isEqualTo(store.get("TKT-1").orElseThrow());
        assertThat(audit.query(AuditLog.Query.all())).hasSize(1);
    }

    @Test
    void build_withoutAStore_isRefused() {
        assertThatThrownBy(() -> StoringStep.builder(engine).auditLog(audit).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a storing step needs a store");
    }

    @Test
    void batch_withAStepBuiltForAnotherConfiguration_isRefused() {
        TriageEngine other = TriageEngine.builder().config(ConfigLoader.load(Optional.empty(),
                Map.of(), Map.of("match_mode", "all"))).clock(CLOCK).build();
        assertThat(storing.accepts(other)).isFalse();
        assertThat(storing.accepts(engine)).isTrue();
        assertThatThrownBy(() -> BatchTriage.run(other, storing,
                List.of(RecordReaders.readFields(Map.of("ticket_id", "1"), "t")).iterator(),
                o -> { }, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another configuration");
        assertThat(store.scan().tickets()).isEmpty();
    }

    /** A store that asks for chunks and counts its saveAll calls. */
    private record ChunkedStore(TestStore inner, List<Integer> calls) implements TicketStore {
        @Override
        public boolean savesInChunks() {
            return true;
        }

        @Override
        public void saveAll(List<Ticket> tickets, AuditLog log, List<AuditLog.Entry> entries) {
            calls.add(tickets.size());
            tickets.forEach(inner::save);
            entries.forEach(log::append);
        }

        @Override
        public void save(Ticket ticket) {
            throw new AssertionError("a chunk is saved in one call");
        }

        @Override
        public Optional<Ticket> get(String ticketId) {
            return inner.get(ticketId);
        }

        @Override
        public boolean delete(String ticketId) {
            return inner.delete(ticketId);
        }

        @Override
        public StoreScan scan() {
            return inner.scan();
        }

        @Override
        public void clear() {
            inner.clear();
        }
    }
}
