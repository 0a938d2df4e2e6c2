package org.helpdesktriage.core.sla;

import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Walks a calendar's working time forward from a start, one working interval at a time, in
 * whole epoch seconds (every range boundary and zone transition is a whole second).
 *
 * <p>An instant is working time when the calendar's wall clock shows a time inside a range of
 * its weekday and the day is no holiday. The walk follows the zone's offset periods: within one
 * period the wall clock is the instant plus a fixed offset, so each day's ranges turn into
 * instants by subtraction; at a transition the walk starts again from the new offset, which
 * skips the hour clocks jump over in spring and visits the repeated hour twice in autumn. Its
 * cost is one step per day, holiday run and transition passed: never one per minute.
 *
 * <p>Not thread-safe: one walk per computation.
 */
final class WorkingTimeWalk {

    static final long DAY = 86_400;

    private final BusinessCalendar calendar;
    private final boolean holidays;
    private long cursor;
    private int offset;
    private long periodEnd = Long.MIN_VALUE;

    /** The interval {@link #next} found: {@code [from, to)} in epoch seconds. */
    long from;
    long to;

    WorkingTimeWalk(BusinessCalendar calendar, long start) {
        this.calendar = calendar;
        this.holidays = calendar.hasHolidays();
        this.cursor = start;
    }

    /**
     * Finds the next working interval that begins before {@code limit} and after the previous
     * one; returns false when there is none.
     */
    boolean next(long limit) {
        while (cursor < limit) {
            if (cursor >= periodEnd) {
                enterPeriod();
            }
            long local = cursor + offset;
            long day = Math.floorDiv(local, DAY);
            long dayStart = day * DAY;
            long holidayLast = holidays ? calendar.holidayLastDay(day) : Long.MIN_VALUE;
            if (holidayLast != Long.MIN_VALUE) {
                advanceToLocal((holidayLast + 1) * DAY);
                continue;
            }
            int secondOfDay = (int) (local - dayStart);
            int weekday = (int) Math.floorMod(day + 3, 7);
            int[] starts = calendar.starts(weekday);
            int[] ends = calendar.ends(weekday);
            for (int i = 0; i < starts.length; i++) {
                if (ends[i] <= secondOfDay) {
                    continue;
                }
                long f = dayStart + Math.max(starts[i], secondOfDay) - offset;
                if (f >= periodEnd || f >= limit) {
                    break;
                }
                from = f;
                to = Math.min(dayStart + ends[i] - offset, periodEnd);
                cursor = to;
                return true;
            }
            advanceToLocal(dayStart + DAY);
        }
        return false;
    }

    // moves to a wall-clock time of the current period, or to the period's end if that is sooner
    private void advanceToLocal(long localTarget) {
        cursor = Math.min(localTarget - offset, periodEnd);
    }

    private void enterPeriod() {
        if (calendar.fixedOffset() != Integer.MIN_VALUE) {
            offset = calendar.fixedOffset();
            periodEnd = Long.MAX_VALUE;
            return;
        }
        ZoneRules rules = calendar.rules();
        Instant at = Instant.ofEpochSecond(cursor);
        offset = rules.getOffset(at).getTotalSeconds();
        if (rules.isFixedOffset()) {
            periodEnd = Long.MAX_VALUE;
        } else {
            ZoneOffsetTransition next = rules.nextTransition(at);
            periodEnd = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        }
    }

    /** Returns whether the second starting at {@code second} is working time of the calendar. */
    static boolean isWorking(BusinessCalendar calendar, long second) {
        int offset = calendar.rules().getOffset(Instant.ofEpochSecond(second)).getTotalSeconds();
        long local = second + offset;
        long day = Math.floorDiv(local, DAY);
        if (calendar.holidayLastDay(day) != Long.MIN_VALUE) {
            return false;
        }
        int secondOfDay = (int) (local - day * DAY);
        int weekday = (int) Math.floorMod(day + 3, 7);
        int[] starts = calendar.starts(weekday);
        int[] ends = calendar.ends(weekday);
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] <= secondOfDay && secondOfDay < ends[i]) {
                return true;
            }
        }
        return false;
    }
}
