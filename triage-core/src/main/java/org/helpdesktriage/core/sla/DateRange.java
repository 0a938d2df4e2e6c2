package org.helpdesktriage.core.sla;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A run of whole days, both ends included: one holiday ({@code 2026-12-25}) or several
 * ({@code 2026-12-24/2026-12-26}).
 *
 * @param first the first day
 * @param last the last day, not before {@code first}
 */
public record DateRange(LocalDate first, LocalDate last) {

    /** Checks that the range does not end before it starts. */
    public DateRange {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the date range " + first + "/" + last
                    + " ends before it starts");
        }
    }

    /** Returns the range of one day. */
    public static DateRange of(LocalDate day) {
        return new DateRange(day, day);
    }

    /**
     * Reads an ISO date ({@code 2026-12-25}) or two joined by a slash
     * ({@code 2026-12-24/2026-12-26}).
     *
     * @throws IllegalArgumentException with a sentence naming the text and what is wrong
     */
    public static DateRange parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a holiday must be a string such as "
                    + "\"2026-12-25\" or \"2026-12-24/2026-12-26\", not null");
        }
        String t = text.trim();
        int slash = t.indexOf('/');
        try {
            if (slash < 0) {
                return of(supported(text, LocalDate.parse(t)));
            }
            return new DateRange(supported(text, LocalDate.parse(t.substring(0, slash).trim())),
                    supported(text, LocalDate.parse(t.substring(slash + 1).trim())));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date (2026-12-25) or a "
                    + "date range (2026-12-24/2026-12-26)");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage());
        }
    }

    // a calendar reaches from year 1 to 9999 (BusinessCalendar.LATEST); a holiday outside
    // those years is a typo, never a day the calendar can meet
    private static LocalDate supported(String text, LocalDate day) {
        if (day.getYear() < 1 || day.getYear() > 9999) {
            throw new IllegalArgumentException("the year " + day.getYear() + " is outside the "
                    + "supported years 0001 to 9999");
        }
        return day;
    }

    /** Returns whether {@code day} is in the range. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    @Override
    public String toString() {
        return first.equals(last) ? first.toString() : first + "/" + last;
    }
}
