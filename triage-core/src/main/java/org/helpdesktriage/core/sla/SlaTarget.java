package org.helpdesktriage.core.sla;

import java.util.Locale;
import java.util.Optional;

/** The two clocks of an SLA: until the first response, and until the resolution. */
public enum SlaTarget {
    /** Until someone first answers the requester ({@code first_response_at}). */
    FIRST_RESPONSE,
    /** Until the ticket is resolved ({@code resolved_at}); pause statuses stop this clock. */
    RESOLUTION;

    /** Returns the name used in configuration and output ("first_response"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the target named {@code value} (case-insensitive), or empty. */
    public static Optional<SlaTarget> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String key = value.trim().toLowerCase(Locale.ROOT);
        for (SlaTarget t : values()) {
            if (t.id().equals(key)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id();
    }
}
