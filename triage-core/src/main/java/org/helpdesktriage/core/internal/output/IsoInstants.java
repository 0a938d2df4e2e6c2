package org.helpdesktriage.core.internal.output;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Formats instants exactly as {@link Instant#toString()} does, without a
 * {@code DateTimeFormatter} for the common case of whole seconds in years 0000-9999: the SLA's
 * due times are two of them on every result, and the formatter cost about 2% of a triage run.
 */
final class IsoInstants {

    private static final long FIRST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    private IsoInstants() {
    }

    /** Returns {@code t.toString()}. */
    static String format(Instant t) {
        long sec = t.getEpochSecond();
        if (t.getNano() != 0 || sec < FIRST || sec > LAST) {
            return t.toString();
        }
        long day = Math.floorDiv(sec, 86_400);
        int secondOfDay = (int) Math.floorMod(sec, 86_400);
        LocalDate date = LocalDate.ofEpochDay(day);
        char[] c = new char[20];
        int year = date.getYear();
        c[0] = digit(year / 1000);
        c[1] = digit(year / 100 % 10);
        c[2] = digit(year / 10 % 10);
        c[3] = digit(year % 10);
        c[4] = '-';
        two(c, 5, date.getMonthValue());
        c[7] = '-';
        two(c, 8, date.getDayOfMonth());
        c[10] = 'T';
        two(c, 11, secondOfDay / 3600);
        c[13] = ':';
        two(c, 14, secondOfDay / 60 % 60);
        c[16] = ':';
        two(c, 17, secondOfDay % 60);
        c[19] = 'Z';
        return new String(c);
    }

    private static void two(char[] c, int at, int value) {
        c[at] = digit(value / 10);
        c[at + 1] = digit(value % 10);
    }

    private static char digit(int d) {
        return (char) ('0' + d);
    }
}
