package org.helpdesktriage.core.internal.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.sla.BusinessCalendar;
import org.helpdesktriage.core.sla.Sla;
import org.helpdesktriage.core.sla.SlaCalculator;
import org.helpdesktriage.core.sla.SlaSettings;
import org.helpdesktriage.core.sla.SlaStatus.SlaState;
import org.helpdesktriage.core.sla.SlaStatus;

/**
 * Where a stored ticket stands by the SLA stored on it ({@code metadata.sla}): its due times as
 * they were stored, not recomputed from the calendars of whatever configuration is in effect
 * now. A target is met or missed as stored; breached once its stored due time has passed (for a
 * paused resolution clock: when the pause began after it); paused while the resolution clock
 * stands still; at risk once the share {@code at_risk} of the working time from creation to the
 * due time has passed, in the stored calendar when the configuration still has it, else in
 * wall-clock time.
 *
 * <pre>{@code
 * Optional<SlaStatus> status = StoredSlaStatus.of(ticket, config.sla(), clock.instant());
 * }</pre>
 */
public final class StoredSlaStatus {

    private StoredSlaStatus() {
    }

    /**
     * Returns where {@code ticket} stands at {@code now} by its stored SLA, or empty when it
     * has none.
     *
     * @throws IllegalArgumentException naming the key when the stored SLA cannot be read
     */
    public static Optional<SlaStatus> of(Ticket ticket, SlaSettings settings, Instant now) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(now, "now");
        Optional<Sla.Stored> stored = SlaCalculator.read(ticket);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Sla sla = stored.get().sla();
        return Optional.of(new SlaStatus(ticket.ticketId(), sla,
                state(ticket, sla, Sla.Target.FIRST_RESPONSE, settings, now),
                state(ticket, sla, Sla.Target.RESOLUTION, settings, now)));
    }

    private static SlaState state(Ticket ticket, Sla sla, Sla.Target target,
            SlaSettings settings, Instant now) {
        Optional<Boolean> met = sla.met(target);
        if (met.isPresent()) {
            return met.get() ? SlaState.MET : SlaState.MISSED;
        }
        if (ticket.status().isFinished()) {
            return SlaState.DONE;
        }
        Instant due = target == Sla.Target.FIRST_RESPONSE ? sla.firstResponseDue()
                : sla.resolutionDue();
        Instant paused = target == Sla.Target.RESOLUTION ? sla.pausedSince() : null;
        Instant until = paused != null && paused.isBefore(now) ? paused : now;
        if (due != null && !until.isBefore(due)) {
            return SlaState.BREACHED;
        }
        if (paused != null) {
            return SlaState.PAUSED;
        }
        if (due == null) {
            return SlaState.OK;
        }
        Optional<BusinessCalendar> calendar = settings.calendar(sla.calendar());
        Duration total = working(calendar, ticket.createdAt(), due);
        Duration left = working(calendar, now, due);
        return left.toMillis() <= total.toMillis() * (1 - settings.atRisk()) ? SlaState.AT_RISK
                : SlaState.OK;
    }

    private static Duration working(Optional<BusinessCalendar> calendar, Instant from,
            Instant to) {
        if (!from.isBefore(to)) {
            return Duration.ZERO;
        }
        return calendar.map(c -> c.workingTimeBetween(from, to))
                .orElseGet(() -> Duration.between(from, to));
    }
}
