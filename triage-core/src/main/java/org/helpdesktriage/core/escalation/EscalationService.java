package org.helpdesktriage.core.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;

/**
 * Decides which tickets escalate and escalates them.
 *
 * <pre>{@code
 * EscalationService service = new EscalationService(EscalationPolicy.defaults(), clock);
 * service.escalate(ticket).ifPresent(e -> store.save(e.ticket()));
 * }</pre>
 *
 * <p>A ticket escalates when it is not resolved, closed or already escalated, and either it is
 * critical (with {@code auto_escalate_critical}) or its age exceeds the threshold. Escalating
 * raises the priority one step (critical stays critical), sets the status to escalated, records
 * {@code escalated_at} and {@code escalation_reason} in the metadata and updates
 * {@code updated_at}. All times come from the injected clock.
 */
public final class EscalationService {

    private final EscalationPolicy policy;
    private final Clock clock;

    /** Creates a service applying {@code policy} with time from {@code clock}. */
    public EscalationService(EscalationPolicy policy, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * An escalated ticket and why.
     *
     * @param before the ticket before escalation
     * @param ticket the escalated ticket
     * @param reason why it escalated
     */
    public record Escalation(Ticket before, Ticket ticket, String reason) {
    }

    /** Returns why {@code ticket} should escalate now, or empty when it should not. */
    public Optional<String> reasonToEscalate(Ticket ticket) {
        Objects.requireNonNull(ticket, "ticket");
        if (ticket.status().isFinished() || ticket.status() == Status.ESCALATED) {
            return Optional.empty();
        }
        if (policy.autoEscalateCritical() && ticket.priority() == Priority.CRITICAL) {
            return Optional.of("critical priority");
        }
        double ageHours = Duration.between(ticket.createdAt(), clock.instant()).toMillis()
                / 3_600_000.0;
        if (ageHours > policy.thresholdHours()) {
            return Optional.of(String.format(java.util.Locale.ROOT,
                    "open for %.1f hours, over the %s-hour threshold", ageHours,
                    trim(policy.thresholdHours())));
        }
        return Optional.empty();
    }

    /** Escalates {@code ticket} if the policy says so; returns the escalation, or empty. */
    public Optional<Escalation> escalate(Ticket ticket) {
        return reasonToEscalate(ticket).map(reason -> {
            Instant now = clock.instant();
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("escalated_at", now.toString());
            meta.put("escalation_reason", reason);
            Ticket escalated = ticket.withEscalation(ticket.priority().raised(), Status.ESCALATED,
                    meta, now);
            return new Escalation(ticket, escalated, reason);
        });
    }

    private static String trim(double hours) {
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
    }
}
