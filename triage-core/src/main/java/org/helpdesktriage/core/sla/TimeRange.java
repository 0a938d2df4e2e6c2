package org.helpdesktriage.core.sla;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range of wall-clock time within one day, {@code [start, end)} in minutes after midnight:
 * {@code 09:00-17:00} is 540 to 1020. An end of {@code 24:00} (1440) runs to the end of the day;
 * a range never crosses midnight: a night shift is {@code 22:00-24:00} on one day and
 * {@code 00:00-06:00} on the next.
 *
 * @param startMinute the first minute of the range, 0 to 1439
 * @param endMinute the minute after the last, {@code startMinute + 1} to 1440
 */
public record TimeRange(int startMinute, int endMinute) {

    /** Minutes in a day: the end of a range that runs to {@code 24:00}. */
    public static final int DAY_MINUTES = 24 * 60;

    private static final Pattern FORM = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");

    /** Checks that the range lies within one day and is not empty. */
    public TimeRange {
        if (startMinute < 0 || startMinute >= DAY_MINUTES || endMinute > DAY_MINUTES
                || endMinute <= startMinute) {
            throw new IllegalArgumentException("a range must start at 00:00 to 23:59 and end "
                    + "after it, at 24:00 at the latest; got " + clock(startMinute) + "-"
                    + clock(endMinute));
        }
    }

    /**
     * Reads {@code "HH:MM-HH:MM"}.
     *
     * @throws IllegalArgumentException with a sentence naming the text and what is wrong
     */
    public static TimeRange parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a range must be a string \"HH:MM-HH:MM\", not null");
        }
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a range \"HH:MM-HH:MM\" "
                    + "such as \"09:00-17:00\"");
        }
        int sh = Integer.parseInt(m.group(1));
        int sm = Integer.parseInt(m.group(2));
        int eh = Integer.parseInt(m.group(3));
        int em = Integer.parseInt(m.group(4));
        if (sh > 23 || sm > 59) {
            throw new IllegalArgumentException("'" + text + "' starts at " + m.group(1) + ":"
                    + m.group(2) + ", which is not a time of day (00:00 to 23:59)");
        }
        if (em > 59 || eh > 24 || eh == 24 && em != 0) {
            throw new IllegalArgumentException("'" + text + "' ends at " + m.group(3) + ":"
                    + m.group(4) + ", which is not a time of day (00:00 to 24:00)");
        }
        int start = sh * 60 + sm;
        int end = eh * 60 + em;
        if (end <= start) {
            throw new IllegalArgumentException("'" + text + "' ends before it starts; a range "
                    + "ends within its day: split a night shift into \"22:00-24:00\" and the "
                    + "next day's \"00:00-06:00\"");
        }
        return new TimeRange(start, end);
    }

    /** Returns whether this range and {@code other} share a minute (touching is not sharing). */
    public boolean overlaps(TimeRange other) {
        return startMinute < other.endMinute && other.startMinute < endMinute;
    }

    /** Returns the range's length in minutes. */
    public int minutes() {
        return endMinute - startMinute;
    }

    @Override
    public String toString() {
        return clock(startMinute) + "-" + clock(endMinute);
    }

    private static String clock(int minute) {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }

    /** Returns whether {@code sorted} (by start) leaves no minute of a day uncovered. */
    static boolean coverDay(List<TimeRange> sorted) {
        int reached = 0;
        for (TimeRange r : sorted) {
            if (r.startMinute() > reached) {
                return false;
            }
            reached = Math.max(reached, r.endMinute());
        }
        return reached == DAY_MINUTES;
    }
}
