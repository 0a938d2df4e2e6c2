package org.helpdesktriage.examples;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.sla.BusinessCalendar;
import org.helpdesktriage.core.sla.DateRange;
import org.helpdesktriage.core.sla.DueTime;
import org.helpdesktriage.core.sla.Sla;
import org.helpdesktriage.core.sla.SlaCalculator;
import org.helpdesktriage.core.sla.SlaPolicy;
import org.helpdesktriage.core.sla.SlaSettings;
import org.helpdesktriage.core.sla.TimeRange;

/**
 * Computes SLA due dates without triaging anything: the calendars and policies of a
 * configuration used on their own, and a calendar built in code.
 * Run from the repository root: {@code SlaExample [examples/config-sla.json] [CREATED]}.
 */
public final class SlaExample {

    private SlaExample() {
    }

    /** Runs the example. */
    public static void main(String[] args) {
        TriageConfig config = ConfigLoader.load(Path.of(args.length > 0 ? args[0]
                : "examples/config-sla.json"));
        SlaSettings sla = config.sla();
        // a fixed clock, as a test or a replay would inject; Clock.systemUTC() in production
        Clock clock = Clock.fixed(Instant.parse(args.length > 1 ? args[1]
                : "2026-12-23T15:00:00Z"), ZoneId.of("UTC"));
        Instant created = clock.instant();

        // a policy of the configuration, by id: both due times of a ticket created now
        SlaPolicy high = sla.policy("high").orElseThrow();
        for (Sla.Target target : Sla.Target.values()) {
            System.out.printf("policy %s, %s due %s%n", high.id(), target.id(),
                    high.due(target, created).instant().orElseThrow());
        }

        // the SLA a ticket would get now, its policy chosen by the policies' conditions
        SlaCalculator calculator = new SlaCalculator(sla, clock);
        Ticket enterprise = Ticket.builder().ticketId("TKT-1").title("Export fails")
                .description("The nightly export stops halfway.").requesterEmail("it@acme.example")
                .priority(Priority.MEDIUM).metadata(Map.of("customer_tier", "enterprise"))
                .createdAt(created).build();
        calculator.slaOf(enterprise).ifPresent(s -> System.out.printf(
                "an enterprise ticket gets policy %s: resolution due %s%n", s.policy(),
                s.resolutionDue()));

        // a calendar built in code: immutable, so one instance serves every thread
        BusinessCalendar night = BusinessCalendar.builder("night", ZoneId.of("America/New_York"))
                .weekdays(TimeRange.parse("00:00-06:00"), TimeRange.parse("22:00-24:00"))
                .holiday(DateRange.parse("2026-12-24/2026-12-25"))
                .build();
        List<Duration> targets = List.of(Duration.ofHours(1), Duration.ofHours(12),
                Duration.ofDays(14));
        targets.parallelStream().map(d -> "night desk, " + d + " from " + created + ": "
                + describe(night.addWorkingTime(created, d))).sorted()
                .forEachOrdered(System.out::println);
        // a rejection, never an exception: a date no calendar supports
        System.out.println("from Instant.MAX: " + describe(night.addWorkingTime(Instant.MAX,
                Duration.ofHours(1))));
    }

    private static String describe(DueTime due) {
        if (due instanceof DueTime.At at) {
            return "due " + at.time();
        }
        return "no due time (" + ((DueTime.Rejected) due).reason() + ")";
    }
}
