package org.helpdesktriage.core.sla;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The SLA of one ticket, as a triage result carries it: the policy that applies, its calendar,
 * when the first response and the resolution are due (in UTC) and, when the ticket says it was
 * answered or resolved, whether each target was met.
 *
 * @param policy the policy's id
 * @param calendar the calendar's id
 * @param firstResponseDue when the first response is due, or {@code null} when it would fall
 *     outside the supported range
 * @param resolutionDue when the resolution is due, paused time added; while paused, the due time
 *     if the clock restarted now; {@code null} outside the supported range
 * @param firstResponseMet whether {@code first_response_at} was in time, or {@code null} when the
 *     ticket does not say
 * @param resolutionMet whether {@code resolved_at} was in time, or {@code null}
 * @param pausedSince since when the resolution clock has stood still, or {@code null} when it
 *     runs
 */
public record Sla(String policy, String calendar, Instant firstResponseDue, Instant resolutionDue,
        Boolean firstResponseMet, Boolean resolutionMet, Instant pausedSince) {

    /** Checks the values. */
    public Sla {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(calendar, "calendar");
    }

    /** Returns when a target is due, or empty when it falls outside the supported range. */
    public Optional<Instant> due(SlaTarget target) {
        return Optional.ofNullable(target == SlaTarget.FIRST_RESPONSE ? firstResponseDue
                : resolutionDue);
    }

    /** Returns whether a target was met, or empty when the ticket does not say. */
    public Optional<Boolean> met(SlaTarget target) {
        return Optional.ofNullable(target == SlaTarget.FIRST_RESPONSE ? firstResponseMet
                : resolutionMet);
    }

    /** Returns since when the resolution clock has been paused, or empty when it runs. */
    public Optional<Instant> paused() {
        return Optional.ofNullable(pausedSince);
    }
}
