package org.helpdesktriage.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.junit.jupiter.api.Test;

class EscalationServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final EscalationService service =
            new EscalationService(EscalationService.Policy.defaults(), clock);

    private static Ticket ticket(Priority p, Status s, Duration age) {
        return Ticket.builder().ticketId("TKT-1").title("t").description("d")
                .requesterEmail("a@example.com").priority(p).status(s)
                .createdAt(NOW.minus(age)).build();
    }

    @Test
    void escalate_oldTicket_raisesPriorityOneStepAndRecordsWhy() {
        Ticket t = ticket(Priority.LOW, Status.TRIAGED, Duration.ofHours(25));
        EscalationService.Escalation e = service.escalate(t).orElseThrow();
        assertThat(e.ticket().priority()).isEqualTo(Priority.MEDIUM);
        assertThat(e.ticket().status()).isEqualTo(Status.ESCALATED);
        assertThat(e.ticket().updatedAt()).isEqualTo(NOW);
        assertThat(e.ticket().metadata()).containsEntry("escalated_at", NOW.toString());
        assertThat((String) e.ticket().metadata().get("escalation_reason"))
                .contains("25.0 hours").contains("24-hour");
    }

    @Test
    void escalate_youngTicket_doesNothing() {
        assertThat(service.escalate(ticket(Priority.HIGH, Status.NEW, Duration.ofHours(23))))
                .isEmpty();
    }

    @Test
    void escalate_critical_escalatesAtOnceAndStaysCritical() {
        Ticket t = ticket(Priority.CRITICAL, Status.NEW, Duration.ofMinutes(1));
        EscalationService.Escalation e = service.escalate(t).orElseThrow();
        assertThat(e.reason()).isEqualTo("critical priority");
        assertThat(e.ticket().priority()).isEqualTo(Priority.CRITICAL);
    }

    @Test
    void escalate_criticalWithAutoEscalationOff_waitsForTheThreshold() {
        EscalationService off = new EscalationService(new EscalationService.Policy(24, false),
                clock);
        assertThat(off.escalate(ticket(Priority.CRITICAL, Status.NEW, Duration.ofHours(1))))
                .isEmpty();
    }

    @Test
    void escalate_resolvedClosedOrAlreadyEscalated_never() {
        for (Status s : new Status[] {Status.RESOLVED, Status.CLOSED, Status.ESCALATED}) {
            assertThat(service.escalate(ticket(Priority.CRITICAL, s, Duration.ofDays(30))))
                    .as(s.id()).isEmpty();
        }
    }

    @Test
    void policy_nonPositiveThreshold_isRefused() {
        assertThatThrownBy(() -> new EscalationService.Policy(0, true))
                .hasMessageContaining("escalation_threshold_hours");
    }
}
