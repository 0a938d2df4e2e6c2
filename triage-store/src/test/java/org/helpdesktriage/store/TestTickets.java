package org.helpdesktriage.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;

/** Shared ticket fixtures. */
public final class TestTickets {

    public static final Instant T0 = Instant.parse("2026-11-20T10:15:30Z");

    private TestTickets() {
    }

    public static Ticket.Builder aTicket(String id) {
        return Ticket.builder().ticketId(id).title("Printer on fire").description("It burns.")
                .requesterEmail("ann@example.com").category("technical")
                .priority(Priority.HIGH).status(Status.NEW).createdAt(T0)
                .updatedAt(T0.plusSeconds(60)).tags(List.of("vip", "hardware"))
                .metadata(Map.of("source", "mail"));
    }

    public static Ticket ticket(String id) {
        return aTicket(id).build();
    }
}
