package org.helpdesktriage.core;

import java.time.Clock;
import java.util.concurrent.atomic.LongAdder;
import org.helpdesktriage.core.TriageOutcome.TriageDecision;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.internal.config.IngestConfig;
import org.helpdesktriage.core.internal.ingest.Ingested;
import org.helpdesktriage.core.model.Ticket;

/**
 * A candidate configuration that decides beside the live one without acting: an engine's
 * {@link TriageEngine#shadowStats()}. It triages the record the live engine parsed and is never
 * handed to a {@link StoringStep}, so nothing it decides is kept except on the result
 * ({@link TriageResult#shadow()}); it counts how often it agrees with the live decision. When
 * both configurations read records alike (the same categories, synonyms, limits and time zone),
 * the candidate takes the ticket the live engine normalised instead of normalising it again.
 *
 * <pre>{@code
 * TriageEngine engine = TriageEngine.builder().config(live).shadow(candidate).build();
 * BatchTriage.run(engine, reader, writer::write, 4);
 * TriageEngine.ShadowStats shadow = engine.shadowStats().orElseThrow();
 * System.out.println(shadow.agreements() + " agree, " + shadow.disagreements() + " do not");
 * }</pre>
 *
 * <p>Every record the live engine reads counts once: it agrees when both configurations triage
 * it alike ({@link TriageDecision#differences}) or both reject it, and disagrees otherwise, so a
 * record the candidate rejects while the live configuration triages it is a disagreement.
 * The counts are running totals over the engine's life and safe to read from any thread.
 */
final class Shadow {

    private final TriageConfig config;
    private final TriageEngine candidate;
    private final boolean sameIngest;
    private final LongAdder agreements = new LongAdder();
    private final LongAdder disagreements = new LongAdder();

    // without a cache: its decisions are the same, and a lookup hashes the whole ticket
    Shadow(TriageConfig config, TriageConfig live, Clock clock) {
        this.config = config;
        this.candidate = TriageEngine.builder().config(config.cacheEnabled()
                ? config.toBuilder().cacheEnabled(false).build() : config).clock(clock).build();
        this.sameIngest = IngestConfig.settings(config).equals(IngestConfig.settings(live));
    }

    /** Returns the candidate configuration. */
    public TriageConfig config() {
        return config;
    }

    /** Returns the candidate configuration's fingerprint. */
    public String fingerprint() {
        return candidate.fingerprint();
    }

    /** Returns how many records the candidate decided as the live configuration did. */
    public long agreements() {
        return agreements.sum();
    }

    /** Returns how many records the candidate decided otherwise than the live configuration. */
    public long disagreements() {
        return disagreements.sum();
    }

    // the record as the live engine parsed it; normalised again only under other settings
    TriageOutcome decide(RawRecord record, Ingested live) {
        return sameIngest ? candidate.triage(record, live, null) : candidate.triage(record);
    }

    TriageOutcome decide(Ticket ticket) {
        return new TriageOutcome.Triaged(candidate.triage(ticket), ticket);
    }

    /** Counts and returns what the candidate's outcome says beside a live result. */
    TriageResult.ShadowDecision compare(TriageResult live, TriageOutcome outcome) {
        TriageDecision decision = TriageDecision.of(outcome);
        TriageResult.ShadowDecision shadow = new TriageResult.ShadowDecision(decision,
                TriageDecision.of(live).differences(decision));
        (shadow.agrees() ? agreements : disagreements).increment();
        return shadow;
    }

    /** Counts a record the live configuration rejected: alike when the candidate rejects it. */
    void compareRejected(TriageOutcome outcome) {
        (outcome instanceof TriageOutcome.Rejected ? agreements : disagreements).increment();
    }
}
