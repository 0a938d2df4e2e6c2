package org.helpdesktriage.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.ingest.RecordReader;
import org.helpdesktriage.core.ingest.RecordReaders;
import org.helpdesktriage.core.internal.config.IngestConfig;
import org.helpdesktriage.core.internal.ingest.Ingested;
import org.helpdesktriage.core.internal.ingest.TicketNormalizer;
import org.helpdesktriage.core.internal.rules.Facts;
import org.helpdesktriage.core.internal.rules.RuleMatch;
import org.helpdesktriage.core.internal.rules.RuleSet;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.examples.TicketGenerator;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.api.RulesEngineParameters;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Time per ticket to find the rule that applies, for our {@link RuleSet} and for Easy Rules 4.1.0
 * running the same rules as MVEL expressions and as Java lambdas ({@link EasyRulesTranslation}).
 * Each side starts from a normalised {@link Ticket} and does its own per-ticket preparation
 * (ours: {@link Facts}; Easy Rules: its facts), so both pay for tokenising the text.
 *
 * <p>The setup checks that all three pick the same rule for every ticket and prints how many
 * agree; a benchmark of rules that disagree would measure nothing.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar RuleEvaluation -p config=examples/config-20-rules.json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(2)
public class RuleEvaluationBenchmark {

    static final int TICKETS = 10_000;
    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    /** The configuration whose rules are evaluated. */
    @Param("examples/config-20-rules.json")
    public String config;

    private Ticket[] tickets;
    private double[] ages;
    private RuleSet ours;
    private Rules mvel;
    private Rules lambdas;
    private RulesEngine engine;

    /** Generates the tickets, compiles the rules three ways and checks that they agree. */
    @Setup
    public void setUp() throws IOException {
        Path file = Files.createTempFile("bench-tickets", ".jsonl");
        try {
            TicketGenerator.main(new String[] {"--count", String.valueOf(TICKETS), "--seed", "42",
                "--out", file.toString()});
            TriageConfig cfg = ConfigLoader.load(Path.of(config));
            TicketNormalizer normalizer = new TicketNormalizer(IngestConfig.settings(cfg), Clock.fixed(NOW,
                    ZoneOffset.UTC));
            List<Ticket> list = new ArrayList<>();
            try (RecordReader reader = RecordReaders.open(file)) {
                reader.forEachRemaining(r -> {
                    if (normalizer.normalize(r) instanceof Ingested.Accepted a) {
                        list.add(a.ticket());
                    }
                });
            }
            tickets = list.toArray(new Ticket[0]);
            ages = new double[tickets.length];
            for (int i = 0; i < tickets.length; i++) {
                ages[i] = Facts.of(tickets[i], NOW).ageHours();
            }
            ours = RuleSet.compile(cfg.rules(), cfg.categories(), cfg.matchMode());
            JsonNode rules = new ObjectMapper().readTree(Path.of(config).toFile()).get("rules");
            mvel = EasyRulesTranslation.mvel(rules);
            lambdas = EasyRulesTranslation.lambdas(rules);
            engine = new DefaultRulesEngine(new RulesEngineParameters()
                    .skipOnFirstAppliedRule(true));
            checkAgreement();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void checkAgreement() {
        int lambdaAgree = 0;
        int mvelAgree = 0;
        int matched = 0;
        for (int i = 0; i < tickets.length; i++) {
            String want = ours.evaluate(Facts.of(tickets[i], NOW)).first()
                    .map(RuleMatch::ruleId).orElse(null);
            if (want != null) {
                matched++;
            }
            if (java.util.Objects.equals(want, fire(lambdas, i))) {
                lambdaAgree++;
            }
            if (java.util.Objects.equals(want, fire(mvel, i))) {
                mvelAgree++;
            }
        }
        System.out.printf("agreement: tickets=%d matched=%d lambdas=%d mvel=%d%n",
                tickets.length, matched, lambdaAgree, mvelAgree);
    }

    private String fire(Rules rules, int i) {
        org.jeasy.rules.api.Facts facts = EasyRulesTranslation.facts(tickets[i], ages[i]);
        engine.fire(rules, facts);
        return facts.<AtomicReference<String>>get(EasyRulesTranslation.RESULT).get();
    }

    /** Our rule set: facts and first match per ticket. */
    @Benchmark
    @OperationsPerInvocation(TICKETS)
    public void ours(Blackhole bh) {
        for (Ticket t : tickets) {
            bh.consume(ours.evaluate(Facts.of(t, NOW)));
        }
    }

    /** Easy Rules with lambda conditions: facts and first match per ticket. */
    @Benchmark
    @OperationsPerInvocation(TICKETS)
    public void easyRulesLambdas(Blackhole bh) {
        for (int i = 0; i < tickets.length; i++) {
            bh.consume(fire(lambdas, i));
        }
    }

    /** Easy Rules with MVEL conditions: facts and first match per ticket. */
    @Benchmark
    @OperationsPerInvocation(TICKETS)
    public void easyRulesMvel(Blackhole bh) {
        for (int i = 0; i < tickets.length; i++) {
            bh.consume(fire(mvel, i));
        }
    }
}
