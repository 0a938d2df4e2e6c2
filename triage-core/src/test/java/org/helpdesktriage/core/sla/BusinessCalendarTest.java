package org.helpdesktriage.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/**
 * Due times computed by hand: each expected instant below is worked out in the comment above
 * it, from the calendar's wall clock and the zone's offsets on those days.
 */
class BusinessCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final BusinessCalendar OFFICE = BusinessCalendar.builder("office",
            ZoneOffset.UTC).weekdays(TimeRange.parse("09:00-17:00")).build();

    private static Instant due(BusinessCalendar c, String start, Duration target) {
        return c.addWorkingTime(Instant.parse(start), target).instant().orElseThrow();
    }

    @Test
    void isWorkingTime_insideTheHoursOnly_andNeverOutsideTheSupportedRange() {
        assertThat(OFFICE.isWorkingTime(Instant.parse("2026-11-20T09:00:00Z"))).isTrue();
        assertThat(OFFICE.isWorkingTime(Instant.parse("2026-11-20T16:59:59Z"))).isTrue();
        assertThat(OFFICE.isWorkingTime(Instant.parse("2026-11-20T17:00:00Z"))).isFalse();
        assertThat(OFFICE.isWorkingTime(Instant.parse("2026-11-21T12:00:00Z"))).isFalse();
        assertThat(BusinessCalendar.always().isWorkingTime(Instant.parse("2026-11-21T03:00:00Z")))
                .isTrue();
        assertThat(BusinessCalendar.always().isWorkingTime(Instant.MAX)).isFalse();
    }

    @Test
    void fridayAfternoon_toMonday() {
        // Fri 2026-11-20 16:30: 30 min left on Friday, the weekend is off, Monday from 09:00
        assertThat(due(OFFICE, "2026-11-20T16:30:00Z", Duration.ofHours(1)))
                .isEqualTo("2026-11-23T09:30:00Z");
        // 0.5 h Friday + 7.5 h Monday
        assertThat(due(OFFICE, "2026-11-20T16:30:00Z", Duration.ofHours(8)))
                .isEqualTo("2026-11-23T16:30:00Z");
    }

    @Test
    void targetEndingAtTheEndOfARange_isDueThen_notAtTheNextOpening() {
        assertThat(due(OFFICE, "2026-11-20T16:00:00Z", Duration.ofHours(1)))
                .isEqualTo("2026-11-20T17:00:00Z");
        assertThat(due(OFFICE, "2026-11-23T09:00:00Z", Duration.ofHours(8)))
                .isEqualTo("2026-11-23T17:00:00Z");
    }

    @Test
    void holidayWeek_isSkipped() {
        BusinessCalendar c = BusinessCalendar.builder("office", ZoneOffset.UTC)
                .weekdays(TimeRange.parse("09:00-17:00"))
                .holiday(DateRange.parse("2026-12-24/2027-01-01")).build();
        // Wed 12-23 16:00: 1 h that day; Thu 12-24 to Fri 01-01 holidays; Mon 01-04 09:00 + 3 h
        assertThat(due(c, "2026-12-23T16:00:00Z", Duration.ofHours(4)))
                .isEqualTo("2027-01-04T12:00:00Z");
        assertThat(c.workingTimeBetween(Instant.parse("2026-12-21T00:00:00Z"),
                Instant.parse("2027-01-05T00:00:00Z"))).isEqualTo(Duration.ofHours(8 * 4));
    }

    @Test
    void createdOnAWeekendOrAHoliday_startsAtTheNextOpening() {
        BusinessCalendar c = BusinessCalendar.builder("office", ZoneOffset.UTC)
                .weekdays(TimeRange.parse("09:00-17:00"))
                .holiday(DateRange.parse("2026-12-25")).build();
        // Sunday noon: Monday 09:00 + 1 h
        assertThat(due(c, "2026-11-22T12:00:00Z", Duration.ofHours(1)))
                .isEqualTo("2026-11-23T10:00:00Z");
        // Friday 12-25 is a holiday, then the weekend: Monday 12-28 09:00 + 2 h
        assertThat(due(c, "2026-12-25T10:00:00Z", Duration.ofHours(2)))
                .isEqualTo("2026-12-28T11:00:00Z");
        // before the opening on a working day
        assertThat(due(c, "2026-11-23T06:00:00Z", Duration.ofMinutes(15)))
                .isEqualTo("2026-11-23T09:15:00Z");
    }

    @Test
    void nightShift_acrossMidnight() {
        BusinessCalendar c = BusinessCalendar.builder("night", ZoneOffset.UTC)
                .weekdays(TimeRange.parse("00:00-06:00"), TimeRange.parse("22:00-24:00"))
                .build();
        // Mon 23:00: 1 h to midnight, then Tuesday 00:00-02:00
        assertThat(due(c, "2026-11-23T23:00:00Z", Duration.ofHours(3)))
                .isEqualTo("2026-11-24T02:00:00Z");
        // Fri 23:30: 30 min, the weekend is off, Monday 00:00-00:30
        assertThat(due(c, "2026-11-20T23:30:00Z", Duration.ofHours(1)))
                .isEqualTo("2026-11-23T00:30:00Z");
        // Tue 03:00: 3 h to 06:00, then 22:00-24:00 and Wednesday 00:00-01:00
        assertThat(due(c, "2026-11-24T03:00:00Z", Duration.ofHours(6)))
                .isEqualTo("2026-11-25T01:00:00Z");
    }

    @Test
    void berlin_springForward_2026_03_29_losesTheSkippedHour() {
        BusinessCalendar night = BusinessCalendar.builder("night", BERLIN)
                .everyDay(TimeRange.parse("00:00-06:00"), TimeRange.parse("22:00-24:00"))
                .build();
        // Sat 03-28 22:00 CET (21:00Z): 22:00-24:00 is 2 h (21:00Z-23:00Z); Sunday 00:00 CET
        // (23:00Z) to 06:00 CEST (04:00Z) is 5 h, 02:00-03:00 never happens. 7 h runs out at
        // the end of the range: Sunday 06:00 CEST.
        assertThat(due(night, "2026-03-28T21:00:00Z", Duration.ofHours(7)))
                .isEqualTo("2026-03-29T04:00:00Z");
        // 8 h: Sunday 22:00 CEST (20:00Z) + 1 h
        assertThat(due(night, "2026-03-28T21:00:00Z", Duration.ofHours(8)))
                .isEqualTo("2026-03-29T21:00:00Z");
        assertThat(night.workingTimeBetween(Instant.parse("2026-03-28T23:00:00Z"),
                Instant.parse("2026-03-29T04:00:00Z"))).isEqualTo(Duration.ofHours(5));

        BusinessCalendar office = BusinessCalendar.builder("office", BERLIN)
                .weekdays(TimeRange.parse("09:00-17:00")).build();
        // Fri 03-27 16:00 CET (15:00Z): 1 h; Monday 09:00 CEST is 07:00Z, + 1 h
        assertThat(due(office, "2026-03-27T15:00:00Z", Duration.ofHours(2)))
                .isEqualTo("2026-03-30T08:00:00Z");
    }

    @Test
    void berlin_fallBack_2026_10_25_countsTheRepeatedHourTwice() {
        BusinessCalendar night = BusinessCalendar.builder("night", BERLIN)
                .everyDay(TimeRange.parse("00:00-06:00"), TimeRange.parse("22:00-24:00"))
                .build();
        // Sat 10-24 22:00 CEST (20:00Z): 2 h to midnight (22:00Z); Sunday 00:00 CEST (22:00Z)
        // to 06:00 CET (05:00Z) is 7 h, 02:00-03:00 happens twice. 9 h ends with the range.
        assertThat(due(night, "2026-10-24T20:00:00Z", Duration.ofHours(9)))
                .isEqualTo("2026-10-25T05:00:00Z");
        assertThat(due(night, "2026-10-24T20:00:00Z", Duration.ofHours(8)))
                .isEqualTo("2026-10-25T04:00:00Z");
        assertThat(night.workingTimeBetween(Instant.parse("2026-10-24T22:00:00Z"),
                Instant.parse("2026-10-25T05:00:00Z"))).isEqualTo(Duration.ofHours(7));

        BusinessCalendar office = BusinessCalendar.builder("office", BERLIN)
                .weekdays(TimeRange.parse("09:00-17:00")).build();
        // Fri 10-23 16:00 CEST (14:00Z): 1 h; Monday 10-26 09:00 CET is 08:00Z, + 1 h
        assertThat(due(office, "2026-10-23T14:00:00Z", Duration.ofHours(2)))
                .isEqualTo("2026-10-26T09:00:00Z");
    }

    @Test
    void newYork_springForward_2026_03_08() {
        BusinessCalendar office = BusinessCalendar.builder("office", NEW_YORK)
                .weekdays(TimeRange.parse("09:00-17:00")).build();
        // Fri 03-06 16:00 EST (21:00Z): 1 h; Monday 03-09 09:00 EDT is 13:00Z, + 1 h
        assertThat(due(office, "2026-03-06T21:00:00Z", Duration.ofHours(2)))
                .isEqualTo("2026-03-09T14:00:00Z");
        // every day all day, with a holiday so the calendar is not the plain 24x7: Sunday
        // 03-08 from 00:00 EST (05:00Z) to Monday 00:00 EDT (04:00Z) is 23 hours
        BusinessCalendar allDay = BusinessCalendar.builder("all", NEW_YORK)
                .everyDay(TimeRange.parse("00:00-24:00"))
                .holiday(DateRange.parse("2026-12-25")).build();
        assertThat(allDay.isAlwaysOpen()).isFalse();
        assertThat(allDay.workingTimeBetween(Instant.parse("2026-03-08T05:00:00Z"),
                Instant.parse("2026-03-09T04:00:00Z"))).isEqualTo(Duration.ofHours(23));
        // 24 h of working time from Sunday 00:00 EST ends Monday 01:00 EDT (05:00Z)
        assertThat(due(allDay, "2026-03-08T05:00:00Z", Duration.ofHours(24)))
                .isEqualTo("2026-03-09T05:00:00Z");
    }

    @Test
    void twoWeekTarget_onBusinessHours_and_24x7() {
        // P14D = 336 h = 42 working days of 8 h from Mon 11-02 09:00: eight weeks (40 days,
        // to Fri 12-25) and two more, Mon 12-28 and Tue 12-29, ending at 17:00
        assertThat(due(OFFICE, "2026-11-02T09:00:00Z", Duration.ofDays(14)))
                .isEqualTo("2026-12-29T17:00:00Z");
        assertThat(due(BusinessCalendar.always(), "2026-11-02T09:00:00Z", Duration.ofDays(14)))
                .isEqualTo("2026-11-16T09:00:00Z");
    }

    @Test
    void nanoseconds_areKept() {
        // 16:59:59.5 with 1 s to go: 0.5 s on Friday, 0.5 s on Monday
        assertThat(due(OFFICE, "2026-11-20T16:59:59.500Z", Duration.ofSeconds(1)))
                .isEqualTo("2026-11-23T09:00:00.500Z");
        assertThat(OFFICE.workingTimeBetween(Instant.parse("2026-11-20T16:59:59.250Z"),
                Instant.parse("2026-11-23T09:00:00.500Z"))).isEqualTo(Duration.ofMillis(1250));
        assertThat(due(OFFICE, "2026-11-20T10:00:00.123Z", Duration.ZERO))
                .isEqualTo("2026-11-20T10:00:00.123Z");
    }

    @Test
    void everyInstant_isRejectedOrAnswered_neverThrown() {
        for (Instant start : List.of(Instant.MIN, Instant.MAX, Instant.EPOCH,
                BusinessCalendar.EARLIEST, BusinessCalendar.LATEST,
                BusinessCalendar.EARLIEST.minusNanos(1), BusinessCalendar.LATEST.plusNanos(1))) {
            for (Duration amount : List.of(Duration.ZERO, Duration.ofHours(4),
                    Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), Duration.ofSeconds(-1))) {
                for (BusinessCalendar c : List.of(OFFICE, BusinessCalendar.always())) {
                    DueTime due = c.addWorkingTime(start, amount);
                    due.instant().ifPresent(t -> assertThat(t)
                            .isBetween(BusinessCalendar.EARLIEST, BusinessCalendar.LATEST));
                    assertThat(c.workingTimeBetween(start, start.isAfter(Instant.EPOCH)
                            ? Instant.MAX : Instant.EPOCH).isNegative()).isFalse();
                }
            }
        }
        // the whole supported range, clamped: one step per day, so about a second at most
        assertThat(OFFICE.workingTimeBetween(Instant.MIN, Instant.MAX))
                .isBetween(Duration.ofDays(365L * 9999 * 8 / 24 * 5 / 7 - 3000),
                        Duration.ofDays(365L * 9999 * 8 / 24 * 5 / 7 + 3000));
        assertThat(OFFICE.addWorkingTime(Instant.MAX, Duration.ZERO))
                .isEqualTo(new DueTime.Rejected("start " + Instant.MAX + " is outside the "
                        + "supported range 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z"));
        assertThat(OFFICE.addWorkingTime(Instant.parse("9999-12-31T16:00:00Z"),
                Duration.ofHours(2))).isInstanceOf(DueTime.Rejected.class);
        assertThat(((DueTime.Rejected) OFFICE.addWorkingTime(Instant.EPOCH,
                Duration.ofHours(-1))).reason()).contains("negative");
    }

    @Test
    void dueTimes_createNoThrowable_whateverTheirDistanceToTheEndOfTheRange() throws Exception {
        // Duration.between(start, 9999-12-31) overflowed nanoseconds inside the JDK and recovered
        // by throwing: every due time cost a stack trace, and triage ran three times slower
        Path file = Files.createTempFile("sla-exceptions", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExceptionStatistics").with("period", "everyChunk");
            recording.start();
            for (int i = 0; i < 5_000; i++) {
                Instant start = Instant.parse("2026-11-20T16:30:00Z").plusSeconds(i * 97L);
                OFFICE.addWorkingTime(start, Duration.ofHours(8));
                BusinessCalendar.always().addWorkingTime(start, Duration.ofHours(4));
                BusinessCalendar.always().workingTimeBetween(Instant.MIN, start);
            }
            recording.stop();
            recording.dump(file);
        }
        List<Long> counts = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.ExceptionStatistics"))
                .map(e -> e.getLong("throwables")).sorted().toList();
        Files.deleteIfExists(file);
        assertThat(counts).hasSizeGreaterThanOrEqualTo(2);
        assertThat(counts.get(counts.size() - 1) - counts.get(0)).isLessThan(100);
    }

    @Test
    void holidaysCoveringEverything_reject_insteadOfLooping() {
        BusinessCalendar c = BusinessCalendar.builder("closed", ZoneOffset.UTC)
                .weekdays(TimeRange.parse("09:00-17:00"))
                .holiday(DateRange.parse("2026-01-01/9999-12-31")).build();
        assertThat(c.addWorkingTime(Instant.parse("2026-06-01T10:00:00Z"), Duration.ofHours(1)))
                .isInstanceOf(DueTime.Rejected.class);
        assertThat(c.workingTimeBetween(Instant.parse("2026-06-01T10:00:00Z"), Instant.MAX))
                .isZero();
    }

    @Test
    void workingIntervals_listWhatWasCounted_touchingOnesJoined() {
        BusinessCalendar c = BusinessCalendar.builder("split", ZoneOffset.UTC)
                .weekdays(TimeRange.parse("09:00-12:00"), TimeRange.parse("12:00-13:00"),
                        TimeRange.parse("14:00-17:00"))
                .build();
        assertThat(c.workingIntervals(Instant.parse("2026-11-20T10:00:00Z"),
                Instant.parse("2026-11-23T10:00:00Z"), 10)).containsExactly(
                new WorkingInterval(Instant.parse("2026-11-20T10:00:00Z"),
                        Instant.parse("2026-11-20T13:00:00Z")),
                new WorkingInterval(Instant.parse("2026-11-20T14:00:00Z"),
                        Instant.parse("2026-11-20T17:00:00Z")),
                new WorkingInterval(Instant.parse("2026-11-23T09:00:00Z"),
                        Instant.parse("2026-11-23T10:00:00Z")));
        assertThat(c.workingIntervals(Instant.parse("2026-11-20T10:00:00Z"),
                Instant.parse("2026-11-23T10:00:00Z"), 2)).hasSize(2);
    }

    @Test
    void builder_refusesOverlapsAndCalendarsWithoutHours() {
        assertThatThrownBy(() -> BusinessCalendar.builder("x", ZoneOffset.UTC)
                .hours(DayOfWeek.MONDAY, TimeRange.parse("09:00-12:00"),
                        TimeRange.parse("11:00-13:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("on MONDAY, 11:00-13:00 overlaps 09:00-12:00");
        assertThatThrownBy(() -> BusinessCalendar.builder("x", ZoneOffset.UTC).build())
                .hasMessageContaining("has no working hours");
    }

    @Test
    void timeRange_parse_namesWhatIsWrong() {
        assertThat(TimeRange.parse("22:00-24:00")).isEqualTo(new TimeRange(1320, 1440));
        assertThatThrownBy(() -> TimeRange.parse("22:00-06:00"))
                .hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> TimeRange.parse("09:00-24:30"))
                .hasMessageContaining("not a time of day");
        assertThatThrownBy(() -> TimeRange.parse("9-17")).hasMessageContaining("HH:MM-HH:MM");
        assertThatThrownBy(() -> TimeRange.parse("24:00-24:00"))
                .hasMessageContaining("starts at 24:00");
        assertThat(DateRange.parse("2026-12-24/2026-12-26").contains(
                java.time.LocalDate.parse("2026-12-25"))).isTrue();
        assertThatThrownBy(() -> DateRange.parse("2026-12-26/2026-12-24"))
                .hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> DateRange.parse("2026-02-30"))
                .hasMessageContaining("is not a date");
    }
}
