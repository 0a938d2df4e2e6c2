package org.helpdesktriage.examples;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.helpdesktriage.core.StoringStep;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.TriageOutcome;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.core.store.TicketStore;

/**
 * Embeds the library with a store: the engine decides, a {@link StoringStep} keeps what it
 * decided. The same ticket imported twice is updated, not replaced, and a third import that
 * changes nothing writes nothing. Run: {@code StoringExample}.
 */
public final class StoringExample {

    private static final String FIRST = "{\"ticket_id\": \"TKT-1\", \"title\": \"Cannot log in\","
            + " \"description\": \"Locked out after a password reset.\","
            + " \"requester_email\": \"ann@example.com\","
            + " \"created_at\": \"2026-11-23T09:00:00Z\"}";
    private static final String EDITED = FIRST.replace("Cannot log in", "Still cannot log in");

    private StoringExample() {
    }

    /** Imports a ticket, an edit of it, and the edit again, and prints what was stored. */
    public static void main(String[] args) {
        TriageEngine engine = TriageEngine.builder().build();
        MapStore store = new MapStore();
        AuditLog audit = AuditLog.memory();
        StoringStep storing = StoringStep.builder(engine).store(store).auditLog(audit)
                .actor("example").build();

        for (String json : List.of(FIRST, EDITED, EDITED)) {
            TriageOutcome stored = storing.save(engine.triageJson(json));
            System.out.println(JsonTicketExample.describe(stored));
        }
        Ticket kept = store.get("TKT-1").orElseThrow();
        System.out.println("stored: " + kept.title() + ", " + kept.assignedTo());
        System.out.println("audit entries: " + audit.query(AuditLog.Query.all()).size());
    }

    /** The smallest store: tickets in a map; a real one is a data directory or a database. */
    static final class MapStore implements TicketStore {
        private final Map<String, Ticket> tickets = new ConcurrentSkipListMap<>();

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
            return new StoreScan(List.copyOf(tickets.values()), List.of());
        }

        @Override
        public void clear() {
            tickets.clear();
        }
    }
}
