package org.helpdesktriage.core;

import java.time.Clock;
import java.util.concurrent.atomic.LongAdder;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.model.Ticket;

/**
 * A candidate configuration that decides beside the live one without acting: an engine's
 * {@link TriageEngine#shadow()}. It triages the record the live engine parsed, with no store, no
 * audit log and no listener, so nothing it decides is kept except on the result
 * ({@link TriageResult#shadow()}); it counts how often it agrees with the live decision.
 *
 * <pre>{@code
 * TriageEngine engine = TriageEngine.builder().config(live).shadow(candidate).build();
 * BatchTriage.run(engine, reader, writer::write, 4);
 * Shadow shadow = engine.shadow().orElseThrow();
 * System.out.println(shadow.agreements() + " agree, " + shadow.disagreements() + " do not");
 * }</pre>
 *
 * <p>Every record the live engine reads counts once: it agrees when both configurations triage
 * it alike ({@link TriageDecision#differences}) or both reject it, and disagrees otherwise, so a
 * record the candidate rejects while the live configuration triages it is a disagreement.
 * The counts are running totals over the engine's life and safe to read from any thread.
 */
public final class Shadow {

    private final TriageEngine candidate;
    private final LongAdder agreements = new LongAdder();
    private final LongAdder disagreements = new LongAdder();

    Shadow(TriageConfig config, Clock clock) {
        this.candidate = TriageEngine.builder().config(config).clock(clock).build();
    }

    /** Returns the candidate configuration. */
    public TriageConfig config() {
        return candidate.config();
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

    // the record as the live engine parsed it: the candidate normalises it under its own settings
    TriageOutcome decide(RawRecord record) {
        return candidate.triage(record);
    }

    TriageOutcome decide(Ticket ticket) {
        return new TriageOutcome.Triaged(candidate.triage(ticket));
    }

    /** Counts and returns what the candidate's outcome says beside a live result. */
    ShadowDecision compare(TriageResult live, TriageOutcome outcome) {
        TriageDecision decision = TriageDecision.of(outcome);
        ShadowDecision shadow = new ShadowDecision(decision,
                TriageDecision.of(live).differences(decision));
        (shadow.agrees() ? agreements : disagreements).increment();
        return shadow;
    }

    /** Counts a record the live configuration rejected: alike when the candidate rejects it. */
    void compareRejected(TriageOutcome outcome) {
        (outcome instanceof TriageOutcome.Rejected ? agreements : disagreements).increment();
    }
}
