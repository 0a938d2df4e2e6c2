package org.helpdesktriage.core.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of working time of a calendar, {@code [from, to)}.
 *
 * @param from the first instant
 * @param to the instant after the last
 */
public record WorkingInterval(Instant from, Instant to) {

    /** Checks that the interval is not empty. */
    public WorkingInterval {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("interval [" + from + ", " + to + ") is empty");
        }
    }

    /** Returns the interval's length. */
    public Duration length() {
        return Duration.ofSeconds(to.getEpochSecond() - from.getEpochSecond(),
                (long) to.getNano() - from.getNano());
    }
}
