package org.helpdesktriage.core;

import java.time.Instant;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;

/** Shared test fixtures: a valid ticket to adjust per test. */
public final class TestTickets {

    /** When {@link #aTicket()} tickets are created. */
    public static final Instant CREATED = Instant.parse("2026-01-05T09:00:00Z");

    private TestTickets() {
    }

    /** Returns a builder of a valid, plain ticket: medium, general, new, created at CREATED. */
    public static Ticket.Builder aTicket() {
        return Ticket.builder()
                .ticketId("TKT-1")
                .title("Printer jam")
                .description("The printer on floor 2 jams on every page.")
                .requesterEmail("alice@example.com")
                .category("general")
                .priority(Priority.MEDIUM)
                .status(Status.NEW)
                .createdAt(CREATED);
    }
}
