package org.helpdesktriage.core.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Working time: the weekly hours of a team in a time zone, less its holidays. Due times count
 * only working time, so a one-hour target set on Friday at 16:30 for a team working 09:00-17:00
 * falls due on Monday at 09:30.
 *
 * <pre>{@code
 * BusinessCalendar office = BusinessCalendar.builder("office", ZoneId.of("Europe/Berlin"))
 *         .weekdays(TimeRange.parse("09:00-17:00"))
 *         .holiday(DateRange.parse("2026-12-24/2026-12-26"))
 *         .build();
 * Instant due = office.addWorkingTime(created, Duration.ofHours(8)).instant().orElseThrow();
 * }</pre>
 *
 * <p>An instant is working time when the calendar's wall clock shows a time inside one of the
 * ranges of that weekday and the day is not a holiday. So on the night clocks go forward, a range
 * over 02:00-03:00 loses the hour that never happens, and on the night they go back, a range over
 * the repeated hour counts it twice, as the people working it do. A target that runs out exactly
 * at the end of a range falls due at that end, not at the next opening.
 *
 * <p>Computations cost one step per day spanned (a run of holidays is one step), never one per
 * minute. They never throw on an instant: a start, or a due time, outside {@link #EARLIEST} to
 * {@link #LATEST} gives a {@link DueTime.Rejected}, and {@link #workingTimeBetween} clamps its
 * ends to that range. A calendar is immutable and safe to share between threads.
 */
public final class BusinessCalendar {

    /** The id of the built-in calendar on which every moment is working time. */
    public static final String ALWAYS_ID = "24x7";

    /** The earliest instant a computation accepts. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    /** The latest instant a computation accepts or returns: ISO-8601 stays four-digit years. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static final BusinessCalendar ALWAYS = builder(ALWAYS_ID, ZoneOffset.UTC)
            .everyDay(new TimeRange(0, TimeRange.DAY_MINUTES)).build();

    private final String id;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final Map<DayOfWeek, List<TimeRange>> hours;
    private final HolidayIndex holidays;
    private final int[][] starts = new int[7][];
    private final int[][] ends = new int[7][];
    private final boolean always;
    private final int fixedOffset;

    private BusinessCalendar(Builder b) {
        this.id = b.id;
        this.zone = b.zone;
        this.rules = zone.getRules();
        EnumMap<DayOfWeek, List<TimeRange>> h = new EnumMap<>(DayOfWeek.class);
        boolean full = true;
        for (DayOfWeek d : DayOfWeek.values()) {
            List<TimeRange> ranges = new ArrayList<>(b.hours.getOrDefault(d, List.of()));
            ranges.sort(Comparator.comparingInt(TimeRange::startMinute));
            h.put(d, List.copyOf(ranges));
            int i = d.ordinal();
            starts[i] = ranges.stream().mapToInt(r -> r.startMinute() * 60).toArray();
            ends[i] = ranges.stream().mapToInt(r -> r.endMinute() * 60).toArray();
            full &= TimeRange.coverDay(ranges);
        }
        this.hours = Collections.unmodifiableMap(h);
        this.holidays = new HolidayIndex(b.holidays);
        this.always = full && holidays.runs().isEmpty();
        this.fixedOffset = rules.isFixedOffset()
                ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : Integer.MIN_VALUE;
    }

    /** Returns the built-in calendar {@value #ALWAYS_ID}: every moment is working time. */
    public static BusinessCalendar always() {
        return ALWAYS;
    }

    /** Returns a builder of a calendar named {@code id} in {@code zone}, with no hours yet. */
    public static Builder builder(String id, ZoneId zone) {
        return new Builder(id, zone);
    }

    /** Returns the calendar's name. */
    public String id() {
        return id;
    }

    /** Returns the time zone whose wall clock the hours and holidays follow. */
    public ZoneId zone() {
        return zone;
    }

    /** Returns the working ranges of each weekday, in order; a day off has none. */
    public Map<DayOfWeek, List<TimeRange>> hours() {
        return hours;
    }

    /** Returns the holidays, sorted, overlapping and adjacent runs merged. */
    public List<DateRange> holidays() {
        return holidays.runs();
    }

    /** Returns whether every moment is working time (full days every day, no holidays). */
    public boolean isAlwaysOpen() {
        return always;
    }

    /**
     * Returns the moment at which {@code amount} of working time has passed since {@code start}.
     * A start outside working hours counts from the next opening.
     *
     * @return the due time, or a rejection when the start lies outside {@link #EARLIEST} to
     *     {@link #LATEST}, the amount is negative, or the due time would fall after
     *     {@link #LATEST}
     */
    public DueTime addWorkingTime(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(amount, "amount");
        if (start.isBefore(EARLIEST) || start.isAfter(LATEST)) {
            return new DueTime.Rejected("start " + start + " is outside the supported range "
                    + EARLIEST + " to " + LATEST);
        }
        if (amount.isNegative()) {
            return new DueTime.Rejected("the working time " + amount + " is negative");
        }
        // whole seconds first, then the due time itself: no Duration.between, whose nanosecond
        // path overflows past 292 years and recovers by throwing (a stack trace per due time)
        if (amount.getSeconds() > LATEST.getEpochSecond() - start.getEpochSecond()) {
            return tooLate(start, amount);
        }
        if (always) {
            Instant due = start.plus(amount);
            return due.isAfter(LATEST) ? tooLate(start, amount) : new DueTime.At(due);
        }
        long s = start.getEpochSecond();
        long remaining = amount.getSeconds();
        int nanos = amount.getNano();
        // the walk goes by whole seconds: count the part of the start's second before it too
        if (start.getNano() > 0 && WorkingTimeWalk.isWorking(this, s)) {
            nanos += start.getNano();
            if (nanos >= 1_000_000_000) {
                nanos -= 1_000_000_000;
                remaining++;
            }
        }
        WorkingTimeWalk walk = new WorkingTimeWalk(this, s);
        long limit = LATEST.getEpochSecond() + 1;
        while (walk.next(limit)) {
            long length = walk.to - walk.from;
            if (remaining < length || remaining == length && nanos == 0) {
                Instant due = Instant.ofEpochSecond(walk.from + remaining, nanos);
                return due.isAfter(LATEST) ? tooLate(start, amount) : new DueTime.At(due);
            }
            remaining -= length;
        }
        return tooLate(start, amount);
    }

    /**
     * Returns the working time in {@code [from, to)}: zero when {@code to} is not after
     * {@code from}. Ends outside {@link #EARLIEST} to {@link #LATEST} are clamped to that range.
     */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Instant a = clamp(Objects.requireNonNull(from, "from"));
        Instant b = clamp(Objects.requireNonNull(to, "to"));
        if (!b.isAfter(a)) {
            return Duration.ZERO;
        }
        if (always) {
            return span(a, b);
        }
        long as = a.getEpochSecond();
        long bs = b.getEpochSecond();
        long total = 0;
        WorkingTimeWalk walk = new WorkingTimeWalk(this, as);
        while (walk.next(bs)) {
            total += Math.min(walk.to, bs) - walk.from;
        }
        Duration d = Duration.ofSeconds(total);
        if (a.getNano() > 0 && WorkingTimeWalk.isWorking(this, as)) {
            d = d.minusNanos(a.getNano());
        }
        if (b.getNano() > 0 && WorkingTimeWalk.isWorking(this, bs)) {
            d = d.plusNanos(b.getNano());
        }
        return d;
    }

    /**
     * Returns the working intervals within {@code [from, to)}, in order, touching ones joined:
     * what a due time counted. Ends are clamped as by {@link #workingTimeBetween}.
     *
     * @param limit the most intervals to return, at least 1
     */
    public List<WorkingInterval> workingIntervals(Instant from, Instant to, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        Instant a = clamp(Objects.requireNonNull(from, "from"));
        Instant b = clamp(Objects.requireNonNull(to, "to"));
        List<WorkingInterval> out = new ArrayList<>();
        if (!b.isAfter(a)) {
            return out;
        }
        if (always) {
            out.add(new WorkingInterval(a, b));
            return out;
        }
        WorkingTimeWalk walk = new WorkingTimeWalk(this, a.getEpochSecond());
        Instant lastFrom = null;
        Instant lastTo = null;
        long bs = b.getEpochSecond() + (b.getNano() > 0 ? 1 : 0);
        while (walk.next(bs)) {
            Instant f = Instant.ofEpochSecond(walk.from);
            Instant t = Instant.ofEpochSecond(walk.to);
            f = f.isBefore(a) ? a : f;
            t = t.isAfter(b) ? b : t;
            if (!t.isAfter(f)) {
                continue;
            }
            if (lastTo != null && lastTo.equals(f)) {
                lastTo = t;
                continue;
            }
            if (lastTo != null) {
                out.add(new WorkingInterval(lastFrom, lastTo));
                if (out.size() == limit) {
                    return out;
                }
            }
            lastFrom = f;
            lastTo = t;
        }
        if (lastTo != null) {
            out.add(new WorkingInterval(lastFrom, lastTo));
        }
        return out;
    }

    /** Returns whether {@code instant} is working time; false outside the supported range. */
    public boolean isWorkingTime(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            return false;
        }
        return always || WorkingTimeWalk.isWorking(this, instant.getEpochSecond());
    }

    @Override
    public String toString() {
        StringJoiner days = new StringJoiner(", ");
        for (DayOfWeek d : DayOfWeek.values()) {
            if (!hours.get(d).isEmpty()) {
                days.add(d.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT) + " "
                        + hours.get(d).stream().map(TimeRange::toString)
                                .reduce((x, y) -> x + " " + y).orElse(""));
            }
        }
        return id + " (" + zone + "; " + days + "; holidays: "
                + (holidays.runs().isEmpty() ? "none" : holidays.runs().toString()) + ")";
    }

    ZoneRules rules() {
        return rules;
    }

    /** Returns the zone's offset in seconds when it never changes, else Integer.MIN_VALUE. */
    int fixedOffset() {
        return fixedOffset;
    }

    /** Returns whether the calendar has holidays at all. */
    boolean hasHolidays() {
        return !holidays.runs().isEmpty();
    }

    int[] starts(int weekday) {
        return starts[weekday];
    }

    int[] ends(int weekday) {
        return ends[weekday];
    }

    /** Returns the last day of the holiday run holding {@code epochDay}, or Long.MIN_VALUE. */
    long holidayLastDay(long epochDay) {
        return holidays.lastDayOfRun(epochDay);
    }

    private static DueTime tooLate(Instant start, Duration amount) {
        return new DueTime.Rejected(amount + " of working time from " + start
                + " ends after " + LATEST + ", the latest time supported");
    }

    private static Duration span(Instant from, Instant to) {
        return Duration.ofSeconds(to.getEpochSecond() - from.getEpochSecond(),
                (long) to.getNano() - from.getNano());
    }

    private static Instant clamp(Instant t) {
        return t.isBefore(EARLIEST) ? EARLIEST : t.isAfter(LATEST) ? LATEST : t;
    }

    /** Builds a {@link BusinessCalendar}. */
    public static final class Builder {
        private final String id;
        private final ZoneId zone;
        private final Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        private final List<DateRange> holidays = new ArrayList<>();

        private Builder(String id, ZoneId zone) {
            this.id = Objects.requireNonNull(id, "id");
            this.zone = Objects.requireNonNull(zone, "zone");
        }

        /**
         * Adds working ranges to a weekday.
         *
         * @throws IllegalArgumentException when a range overlaps another of the same day
         */
        public Builder hours(DayOfWeek day, TimeRange... ranges) {
            Objects.requireNonNull(day, "day");
            List<TimeRange> list = hours.computeIfAbsent(day, d -> new ArrayList<>());
            for (TimeRange r : ranges) {
                Objects.requireNonNull(r, "range");
                for (TimeRange other : list) {
                    if (other.overlaps(r)) {
                        throw new IllegalArgumentException("on " + day + ", " + r
                                + " overlaps " + other);
                    }
                }
                list.add(r);
            }
            return this;
        }

        /** Adds working ranges to Monday to Friday. */
        public Builder weekdays(TimeRange... ranges) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
                    hours(d, ranges);
                }
            }
            return this;
        }

        /** Adds working ranges to every day of the week. */
        public Builder everyDay(TimeRange... ranges) {
            for (DayOfWeek d : DayOfWeek.values()) {
                hours(d, ranges);
            }
            return this;
        }

        /** Adds a holiday or a run of them: no working time on those days. */
        public Builder holiday(DateRange days) {
            holidays.add(Objects.requireNonNull(days, "days"));
            return this;
        }

        /**
         * Returns the calendar.
         *
         * @throws IllegalArgumentException when no day of the week has working hours
         */
        public BusinessCalendar build() {
            if (hours.values().stream().allMatch(List::isEmpty)) {
                throw new IllegalArgumentException("calendar '" + id + "' has no working hours "
                        + "on any day; give at least one range, e.g. \"mon\": [\"09:00-17:00\"]");
            }
            return new BusinessCalendar(this);
        }
    }
}
