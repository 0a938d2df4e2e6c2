package org.helpdesktriage.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private static Ticket ticket(Status status) {
        return Ticket.builder().ticketId("TKT-1").title("t").description("d")
                .requesterEmail("a@example.com").status(status).createdAt(T0).build();
    }

    @Test
    void closed_isTerminal() {
        for (Status target : Status.values()) {
            assertThat(Status.CLOSED.canMoveTo(target)).isEqualTo(target == Status.CLOSED);
        }
    }

    @Test
    void withStatus_closedToNew_isAnErrorNamingBothStates() {
        assertThatThrownBy(() -> ticket(Status.CLOSED).withStatus(Status.NEW, T0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'closed'")
                .hasMessageContaining("'new'");
    }

    @Test
    void withStatus_newToTriaged_updatesTime() {
        Ticket moved = ticket(Status.NEW).withStatus(Status.TRIAGED, T0.plusSeconds(60));
        assertThat(moved.status()).isEqualTo(Status.TRIAGED);
        assertThat(moved.updatedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void parse_acceptsCaseAndSeparators() {
        assertThat(Status.parse(" In-Progress ")).contains(Status.IN_PROGRESS);
        assertThat(Status.parse("done")).isEmpty();
    }

    @Test
    void priority_raisedStepsUpAndCriticalStays() {
        assertThat(Priority.LOW.raised()).isEqualTo(Priority.MEDIUM);
        assertThat(Priority.MEDIUM.raised()).isEqualTo(Priority.HIGH);
        assertThat(Priority.HIGH.raised()).isEqualTo(Priority.CRITICAL);
        assertThat(Priority.CRITICAL.raised()).isEqualTo(Priority.CRITICAL);
        assertThat(Priority.max(Priority.LOW, Priority.HIGH)).isEqualTo(Priority.HIGH);
        assertThat(Priority.parse("URGENT")).isEmpty();
    }

    @Test
    void ticket_requesterDomain_isLowerCased() {
        Ticket t = Ticket.builder().ticketId("X").title("t").description("d")
                .requesterEmail("Ann@Example.COM").createdAt(T0).build();
        assertThat(t.requesterDomain()).isEqualTo("example.com");
    }

    @Test
    void ticket_scoreOutsideUnitInterval_isRefused() {
        assertThatThrownBy(() -> Ticket.builder().ticketId("X").title("t").description("d")
                .requesterEmail("a@example.com").createdAt(T0).score(1.5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
    }
}
