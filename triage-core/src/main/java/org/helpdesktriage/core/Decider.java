package org.helpdesktriage.core;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.ingest.SourcePosition;
import org.helpdesktriage.core.internal.classify.Prediction;
import org.helpdesktriage.core.internal.classify.TextClassifier;
import org.helpdesktriage.core.internal.route.MatrixPriority;
import org.helpdesktriage.core.internal.route.Router;
import org.helpdesktriage.core.internal.rules.Facts;
import org.helpdesktriage.core.internal.rules.RuleOutcome;
import org.helpdesktriage.core.internal.rules.RuleSet;
import org.helpdesktriage.core.internal.scoring.Scorer;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.route.Routing.ModelPrediction;
import org.helpdesktriage.core.route.Routing;
import org.helpdesktriage.core.rules.RuleDefinition;
import org.helpdesktriage.core.scoring.Score;
import org.helpdesktriage.core.sla.Sla;

/**
 * The engine's decision on a normalised, valid ticket, in the order of the flow: rules (with
 * the model's prediction as a fact), route, score, SLA. Knows no cache, shadow or store: the
 * engine puts those around it.
 */
final class Decider {

    private final Clock clock;
    private final boolean explain;
    private final RuleSet rules;
    private final TextClassifier classifier;
    private final ClassifierRules classifierRules;
    private final Router router;
    private final MatrixPriority matrix;
    private final Scorer scorer;
    private final TriageSla sla;
    private final String fingerprint;

    Decider(TriageConfig config, Clock clock, boolean explain, RuleSet rules,
            TextClassifier classifier, TriageSla sla, String fingerprint) {
        this.clock = clock;
        this.explain = explain;
        this.rules = rules;
        this.classifier = classifier;
        this.classifierRules = new ClassifierRules(config);
        this.router = new Router(config.categories(), config.classifierPolicy().orElse(null),
                classifierRules.overrideIds());
        this.matrix = config.priorityMatrix().isNone() ? null
                : new MatrixPriority(config.priorityMatrix(), config.rules());
        this.scorer = Scorer.weighted(config.scoring());
        this.sla = sla;
        this.fingerprint = fingerprint;
    }

    TriageResult decide(Ticket ticket, List<String> inputNotes, SourcePosition position) {
        Instant now = clock.instant();
        Facts facts = Facts.of(ticket, now);
        Prediction prediction = null;
        if (classifier != null) {
            prediction = classifier.predictTop(ticket.title(), ticket.description());
            facts = facts.withPrediction(prediction.label(), prediction.confidence());
        }
        RuleOutcome outcome = rules.evaluate(facts, explain);
        outcome = classifierRules.withOverride(outcome, facts);
        List<String> notes = inputNotes;
        if (!outcome.errors().isEmpty()) {
            notes = new ArrayList<>(inputNotes);
            for (RuleDefinition.Evaluation error : outcome.errors()) {
                notes.add("rule '" + error.ruleId() + "' failed and counted as not matching: "
                        + error.detail());
            }
        }
        Router.Decision decision = router.route(ticket, outcome, prediction == null ? null
                : new ModelPrediction(prediction.label(), prediction.confidence()));
        Routing routing = decision.routing();
        if (!decision.notes().isEmpty()) {
            if (notes == inputNotes) {
                notes = new ArrayList<>(inputNotes);
            }
            notes.addAll(decision.notes());
        }
        if (matrix != null) {
            MatrixPriority.Applied applied = matrix.apply(ticket, routing,
                    router.deciding(outcome, routing), explain);
            routing = applied.routing();
            if (!applied.notes().isEmpty()) {
                if (notes == inputNotes) {
                    notes = new ArrayList<>(inputNotes);
                }
                notes.addAll(applied.notes());
            }
        }
        Score score = scorer.score(routing.priority(), facts.text());
        Status status = ticket.status() == Status.NEW ? Status.TRIAGED : ticket.status();
        if (status != Status.TRIAGED) {
            if (notes == inputNotes) {
                notes = new ArrayList<>(inputNotes);
            }
            notes.add("status '" + status.id() + "' kept: only new tickets move to triaged");
        }
        Ticket triaged = ticket.withTriage(routing.category(), routing.priority(),
                routing.assignedTo(), decision.tags(), score.total(), status, now);
        Sla slaOf = null;
        if (sla != null) {
            TriageSla.Assessed assessed = sla.assess(triaged, outcome, prediction, now, notes);
            triaged = assessed.ticket();
            slaOf = assessed.sla();
            notes = assessed.notes();
        }
        return new TriageResult(triaged, routing, score, notes, outcome.evaluations(), position,
                slaOf, fingerprint);
    }
}
