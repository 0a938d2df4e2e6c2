package org.helpdesktriage.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.sla.BusinessCalendar;
import org.helpdesktriage.core.sla.SlaSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Due-time computations per second on one thread (so per core), on the calendars of
 * {@code examples/config-sla.json}: {@code office} (Europe/Berlin, a split day, five holidays),
 * {@code extended} (Europe/Berlin, Saturday mornings, holidays), {@code night_desk}
 * (America/New_York, a night shift across midnight) and the built-in {@code 24x7}, for targets
 * of one hour, eight hours, five days and two weeks of working time. The starts are 4,096
 * random instants over 2026-2027, so they fall on every weekday, hour, holiday and both DST
 * changes of each zone.
 * {@link SlaAssessBenchmark} measures the whole per-ticket SLA work of triage.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar SlaDueTime -p config=examples/config-sla.json
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(2)
@Threads(1)
public class SlaDueTimeBenchmark {

    private static final int STARTS = 4096;

    /** The configuration whose calendars are measured. */
    @Param("examples/config-sla.json")
    public String config;

    /** The calendar: one of the configuration's, or the built-in 24x7. */
    @Param({"office", "extended", "night_desk", "24x7"})
    public String calendar;

    /** The target, as an ISO-8601 duration of working time. */
    @Param({"PT1H", "PT8H", "P5D", "P14D"})
    public String target;

    private BusinessCalendar cal;
    private Duration amount;
    private final Instant[] starts = new Instant[STARTS];
    private int next;

    /** Loads the calendar and draws the starts. */
    @Setup
    public void setUp() {
        TriageConfig c = ConfigLoader.load(Path.of(config));
        SlaSettings sla = c.sla();
        cal = sla.calendar(calendar).orElseThrow(() -> new IllegalArgumentException(
                "no calendar '" + calendar + "' in " + config));
        amount = Duration.parse(target);
        SplittableRandom random = new SplittableRandom(42);
        long from = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        long span = 2 * 365 * 86_400L;
        for (int i = 0; i < STARTS; i++) {
            starts[i] = Instant.ofEpochSecond(from + random.nextLong(span));
        }
    }

    /** One due time: {@code target} of working time from a start. */
    @Benchmark
    public Optional<Instant> dueTime() {
        return cal.addWorkingTime(starts[next++ & (STARTS - 1)], amount).instant();
    }
}
