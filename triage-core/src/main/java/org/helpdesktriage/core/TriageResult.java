package org.helpdesktriage.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.TriageOutcome.TriageDecision;
import org.helpdesktriage.core.ingest.SourcePosition;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.route.Routing;
import org.helpdesktriage.core.rules.RuleDefinition;
import org.helpdesktriage.core.scoring.Score;
import org.helpdesktriage.core.sla.Sla;

/**
 * The outcome of triaging one ticket.
 *
 * @param ticket the triaged ticket: routed category, priority and team, status triaged, scored
 * @param routing where the ticket goes and what decided it
 * @param score the score and its components
 * @param notes what normalisation changed and what the engine noticed (unknown category, a
 *     rule that failed), in order
 * @param explanation every rule's evaluation when an explanation was asked for, else empty
 * @param position where the ticket came from, or {@code null} for a ticket built in code
 * @param sla the ticket's SLA, or {@code null} when SLAs are off or no policy applies (the notes
 *     say why)
 * @param configFingerprint the fingerprint of the configuration that decided
 *     ({@link org.helpdesktriage.core.config.ConfigLoader#fingerprint}), or {@code null} for a result
 *     built without an engine
 * @param shadow what the shadow configuration decided, or {@code null} when the engine runs
 *     none ({@link TriageEngine.Builder#shadow})
 */
public record TriageResult(Ticket ticket, Routing routing, Score score, List<String> notes,
        List<RuleDefinition.Evaluation> explanation, SourcePosition position, Sla sla,
        String configFingerprint, ShadowDecision shadow) {

    /** Checks the values and copies the lists. */
    public TriageResult {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(score, "score");
        notes = List.copyOf(notes);
        explanation = List.copyOf(explanation);
    }

    /** Creates a result without a shadow decision. */
    public TriageResult(Ticket ticket, Routing routing, Score score, List<String> notes,
            List<RuleDefinition.Evaluation> explanation, SourcePosition position, Sla sla,
            String configFingerprint) {
        this(ticket, routing, score, notes, explanation, position, sla, configFingerprint, null);
    }

    /** Creates a result without an SLA and without a configuration fingerprint. */
    public TriageResult(Ticket ticket, Routing routing, Score score, List<String> notes,
            List<RuleDefinition.Evaluation> explanation, SourcePosition position) {
        this(ticket, routing, score, notes, explanation, position, null, null);
    }

    /** Creates a result without a configuration fingerprint. */
    public TriageResult(Ticket ticket, Routing routing, Score score, List<String> notes,
            List<RuleDefinition.Evaluation> explanation, SourcePosition position, Sla sla) {
        this(ticket, routing, score, notes, explanation, position, sla, null);
    }

    /** Returns a copy with {@code more} notes after its own; itself when there are none. */
    TriageResult withNotes(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new TriageResult(ticket, routing, score, all, explanation, position, sla,
                configFingerprint, shadow);
    }

    /** Returns a copy reporting {@code newTicket}, as the storing step stored it. */
    TriageResult withTicket(Ticket newTicket) {
        return new TriageResult(newTicket, routing, score, notes, explanation, position, sla,
                configFingerprint, shadow);
    }

    /** Returns a copy that carries {@code decision} as the shadow configuration's. */
    public TriageResult withShadow(ShadowDecision decision) {
        return new TriageResult(ticket, routing, score, notes, explanation, position, sla,
                configFingerprint, Objects.requireNonNull(decision, "decision"));
    }

    /** Returns what the shadow configuration decided, or empty when none runs. */
    public Optional<ShadowDecision> shadowDecision() {
        return Optional.ofNullable(shadow);
    }

    /** Returns the ticket's SLA, or empty when SLAs are off or no policy applies. */
    public Optional<Sla> serviceLevel() {
        return Optional.ofNullable(sla);
    }

    /**
     * What the shadow (candidate) configuration decided for a ticket the live configuration
     * triaged, and how it compares: a result's {@link TriageResult#shadow()}.
     *
     * @param decision the candidate's decision, or its rejection of the record
     * @param changed what differs from the live decision ({@link TriageDecision#differences}):
     *     empty when the two agree
     */
    public record ShadowDecision(TriageDecision decision, List<String> changed) {

        /** Checks the values and copies the list. */
        public ShadowDecision {
            Objects.requireNonNull(decision, "decision");
            changed = List.copyOf(changed);
        }

        /** Returns whether the candidate decided as the live configuration did. */
        public boolean agrees() {
            return changed.isEmpty();
        }
    }
}
