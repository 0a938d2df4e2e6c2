package org.helpdesktriage.bench;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.sla.Sla;
import org.helpdesktriage.core.sla.SlaCalculator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole per-ticket SLA work of triage with the shipped policies, per second on one thread:
 * check the dates, choose the policy by its condition on the routed ticket, compute both due
 * times (24x7 for critical, business hours for the rest) and read the met flags. Tickets of
 * the four priorities, created at random over 2026-2027.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar SlaAssess
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(2)
@Threads(1)
public class SlaAssessBenchmark {

    private static final int TICKETS = 4096;

    private final Ticket[] tickets = new Ticket[TICKETS];
    private SlaCalculator sla;
    private int next;

    /** Builds the tickets and the calculator of the shipped configuration. */
    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        long from = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        Priority[] priorities = Priority.values();
        for (int i = 0; i < TICKETS; i++) {
            tickets[i] = Ticket.builder().ticketId("TKT-" + i).title("t").description("d")
                    .requesterEmail("a@example.com").priority(priorities[i % 4])
                    .createdAt(Instant.ofEpochSecond(from + random.nextLong(2 * 365 * 86_400L)))
                    .build();
        }
        sla = new SlaCalculator(TriageConfig.defaults().sla());
    }

    /** One ticket's SLA. */
    @Benchmark
    public Sla assess() {
        Ticket t = tickets[next++ & (TICKETS - 1)];
        Instant now = t.createdAt().plusSeconds(3600);
        if (!sla.check(t, now).isEmpty()) {
            throw new IllegalStateException("ticket " + t.ticketId() + " cannot be measured");
        }
        return sla.choose(t, now).map(p -> sla.assess(t, p, now)).orElseThrow();
    }
}
