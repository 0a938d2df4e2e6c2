package org.helpdesktriage.core.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.helpdesktriage.core.internal.rules.CompiledCondition;
import org.helpdesktriage.core.rules.CheckedCondition;

/**
 * What a team promises for the tickets a condition selects: a first response and a resolution
 * within so much working time of a calendar.
 *
 * <pre>{@code
 * SlaPolicy high = settings.policy("high").orElseThrow();
 * Instant due = high.due(Sla.Target.RESOLUTION, created).instant().orElseThrow();
 * }</pre>
 *
 * @param id unique id, reported as the result's {@code sla.policy}
 * @param condition which tickets the policy is for, in the rule language, as the configuration
 *     loader checked it
 * @param calendar the working time the targets count
 * @param firstResponse the first-response target, positive
 * @param resolution the resolution target, positive
 */
public record SlaPolicy(String id, CheckedCondition condition, BusinessCalendar calendar,
        Duration firstResponse, Duration resolution) {

    /** Checks the values. */
    public SlaPolicy {
        Objects.requireNonNull(id, "id");
        CompiledCondition.of(condition);
        Objects.requireNonNull(calendar, "calendar");
        checkTarget(id, "first_response", firstResponse);
        checkTarget(id, "resolution", resolution);
    }

    /** Returns the target of one clock. */
    public Duration target(Sla.Target target) {
        return target == Sla.Target.FIRST_RESPONSE ? firstResponse : resolution;
    }

    /**
     * Returns when a clock's target falls due for a ticket created at {@code created}, without
     * pauses: what an embedding application needs to promise a date without triaging.
     */
    public DueTime due(Sla.Target target, Instant created) {
        return calendar.addWorkingTime(created, target(target));
    }

    private static void checkTarget(String id, String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("SLA policy '" + id + "': " + name + " must be "
                    + "positive, got " + d);
        }
    }
}
