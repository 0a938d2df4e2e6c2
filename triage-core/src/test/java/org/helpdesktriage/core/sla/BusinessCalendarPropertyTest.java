package org.helpdesktriage.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The calculator against an obviously correct reference: walk minute by minute, ask the zone
 * for each minute's wall clock, and count the minutes whose weekday range holds that time on a
 * day that is no holiday. Random calendars (one to three ranges a day, some days off, holidays),
 * random zones (every zone the JVM knows, so DST, half-hour offsets and skipped days all come
 * up), random starts over 2000-2035 and random targets.
 */
class BusinessCalendarPropertyTest {

    private static final List<String> ZONES = new ArrayList<>(new TreeSet<>(
            ZoneId.getAvailableZoneIds()));
    private static final long FROM = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond() / 60;
    private static final long TO = Instant.parse("2035-12-31T00:00:00Z").getEpochSecond() / 60;
    // the reference's effort, in minutes walked; a sparse calendar with a long target is skipped
    private static final int MAX_MINUTES = 150_000;

    /** A random calendar and how the reference reads it. */
    record Spec(ZoneId zone, List<List<TimeRange>> days, List<DateRange> holidays) {

        BusinessCalendar calendar() {
            BusinessCalendar.Builder b = BusinessCalendar.builder("random", zone);
            for (DayOfWeek d : DayOfWeek.values()) {
                b.hours(d, days.get(d.ordinal()).toArray(new TimeRange[0]));
            }
            holidays.forEach(b::holiday);
            return b.build();
        }

        boolean working(long minute) {
            ZonedDateTime z = Instant.ofEpochSecond(minute * 60).atZone(zone);
            LocalDate date = z.toLocalDate();
            for (DateRange h : holidays) {
                if (h.contains(date)) {
                    return false;
                }
            }
            int m = z.getHour() * 60 + z.getMinute();
            for (TimeRange r : days.get(z.getDayOfWeek().ordinal())) {
                if (r.startMinute() <= m && m < r.endMinute()) {
                    return true;
                }
            }
            return false;
        }

        /** Returns the end of the minute that completes {@code target}, or -1 past the effort. */
        long referenceDue(long start, long target) {
            long counted = 0;
            for (long m = start; m < start + MAX_MINUTES; m++) {
                if (target == 0 && working(m)) {
                    return m;
                }
                if (working(m) && ++counted == target) {
                    return m + 1;
                }
            }
            return -1;
        }

        long referenceBetween(long a, long b) {
            long n = 0;
            for (long m = a; m < b; m++) {
                if (working(m)) {
                    n++;
                }
            }
            return n;
        }
    }

    @Provide
    Arbitrary<Spec> specs() {
        Arbitrary<ZoneId> zone = Arbitraries.of(ZONES).map(ZoneId::of);
        Arbitrary<List<TimeRange>> day = Arbitraries.integers().between(0, 1440)
                .list().ofMinSize(0).ofMaxSize(6).map(BusinessCalendarPropertyTest::ranges);
        Arbitrary<List<List<TimeRange>>> week = day.list().ofSize(7)
                .filter(w -> w.stream().anyMatch(d -> !d.isEmpty()));
        Arbitrary<DateRange> holiday = Combinators.combine(
                Arbitraries.longs().between(LocalDate.of(2000, 1, 1).toEpochDay(),
                        LocalDate.of(2035, 12, 31).toEpochDay()),
                Arbitraries.integers().between(0, 12))
                .as((first, length) -> new DateRange(LocalDate.ofEpochDay(first),
                        LocalDate.ofEpochDay(first + length)));
        return Combinators.combine(zone, week, holiday.list().ofMaxSize(3)).as(Spec::new);
    }

    // turns random cut points into sorted, non-overlapping ranges: pairs of distinct points
    private static List<TimeRange> ranges(List<Integer> points) {
        List<Integer> cuts = new ArrayList<>(new TreeSet<>(points));
        List<TimeRange> out = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.size(); i += 2) {
            out.add(new TimeRange(cuts.get(i), cuts.get(i + 1)));
        }
        return out;
    }

    /** Holidays near the start, so that they fall inside the span that is walked. */
    private static Spec near(Spec spec, long startMinute) {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(startMinute, 24 * 60));
        List<DateRange> moved = new ArrayList<>();
        for (DateRange h : spec.holidays()) {
            long shift = Math.floorMod(h.first().toEpochDay(), 20);
            moved.add(new DateRange(day.plusDays(shift),
                    day.plusDays(shift + h.last().toEpochDay() - h.first().toEpochDay())));
        }
        return new Spec(spec.zone(), spec.days(), moved);
    }

    @Property(tries = 250)
    void addWorkingTime_matchesTheMinuteByMinuteReference(@ForAll("specs") Spec random,
            @ForAll @LongRange(min = 0, max = 65_000_000) long startOffset,
            @ForAll @IntRange(min = 0, max = 4 * 24 * 60) int targetMinutes) {
        long start = FROM + startOffset % (TO - FROM);
        Spec spec = near(random, start);
        long expected = spec.referenceDue(start, targetMinutes);
        Assume.that(expected >= 0);

        DueTime due = spec.calendar().addWorkingTime(Instant.ofEpochSecond(start * 60),
                Duration.ofMinutes(targetMinutes));

        assertThat(due.instant()).as("zone %s, days %s, holidays %s", spec.zone(), spec.days(),
                spec.holidays()).contains(Instant.ofEpochSecond(expected * 60));
    }

    @Property(tries = 250)
    void workingTimeBetween_matchesTheMinuteByMinuteReference(@ForAll("specs") Spec random,
            @ForAll @LongRange(min = 0, max = 65_000_000) long startOffset,
            @ForAll @IntRange(min = 0, max = 30 * 24 * 60) int spanMinutes) {
        long start = FROM + startOffset % (TO - FROM);
        Spec spec = near(random, start);

        Duration between = spec.calendar().workingTimeBetween(Instant.ofEpochSecond(start * 60),
                Instant.ofEpochSecond((start + spanMinutes) * 60));

        assertThat(between).as("zone %s, days %s, holidays %s", spec.zone(), spec.days(),
                spec.holidays()).isEqualTo(Duration.ofMinutes(
                        spec.referenceBetween(start, start + spanMinutes)));
    }

    @Property(tries = 300)
    void workingTimeUpToTheDueTime_isTheTarget(@ForAll("specs") Spec random,
            @ForAll @LongRange(min = 0, max = 65_000_000_000_000L) long startNanosOffset,
            @ForAll @LongRange(min = 0, max = 30L * 24 * 3600 * 1_000_000_000L) long targetNanos) {
        Instant start = Instant.ofEpochSecond(FROM * 60).plusNanos(
                startNanosOffset * 1000 % ((TO - FROM) * 60_000_000_000L));
        Spec spec = near(random, start.getEpochSecond() / 60);
        BusinessCalendar calendar = spec.calendar();
        Duration target = Duration.ofNanos(targetNanos);

        Instant due = calendar.addWorkingTime(start, target).instant().orElseThrow();

        assertThat(calendar.workingTimeBetween(start, due)).isEqualTo(target);
        assertThat(due).isAfterOrEqualTo(start);
    }
}
