package org.helpdesktriage.core.sla;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A calendar's holidays, sorted and merged into runs, answering "is this day a holiday, and
 * which is the run's last day" in O(log runs), so that a walk skips a run in one step.
 */
final class HolidayIndex {

    private final List<DateRange> runs;
    private final long[] first;
    private final long[] last;

    HolidayIndex(List<DateRange> holidays) {
        this.runs = merged(holidays);
        this.first = runs.stream().mapToLong(r -> r.first().toEpochDay()).toArray();
        this.last = runs.stream().mapToLong(r -> r.last().toEpochDay()).toArray();
    }

    /** Returns the runs: sorted, overlapping and adjacent ranges merged. */
    List<DateRange> runs() {
        return runs;
    }

    /** Returns the last day of the run holding {@code epochDay}, or Long.MIN_VALUE. */
    long lastDayOfRun(long epochDay) {
        int i = Arrays.binarySearch(first, epochDay);
        if (i < 0) {
            i = -i - 2;
        }
        return i >= 0 && epochDay <= last[i] ? last[i] : Long.MIN_VALUE;
    }

    private static List<DateRange> merged(List<DateRange> ranges) {
        List<DateRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(DateRange::first));
        List<DateRange> out = new ArrayList<>();
        for (DateRange r : sorted) {
            DateRange previous = out.isEmpty() ? null : out.get(out.size() - 1);
            if (previous != null && !r.first().isAfter(previous.last().plusDays(1))) {
                if (r.last().isAfter(previous.last())) {
                    out.set(out.size() - 1, new DateRange(previous.first(), r.last()));
                }
            } else {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }
}
