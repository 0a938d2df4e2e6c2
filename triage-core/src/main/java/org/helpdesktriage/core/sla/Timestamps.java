package org.helpdesktriage.core.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the timestamps a ticket's metadata gives ({@code first_response_at},
 * {@code resolved_at}) in the forms {@code created_at} accepts: an instant, a date-time with an
 * offset, or a date-time or date taken as UTC.
 */
final class Timestamps {

    private Timestamps() {
    }

    /** Returns the instant, or null when the text is none of the forms. */
    static Instant parse(String text) {
        String s = text.strip();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }
}
