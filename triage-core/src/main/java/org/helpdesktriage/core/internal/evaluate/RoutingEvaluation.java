package org.helpdesktriage.core.internal.evaluate;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.TriageResult;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.internal.classify.ClassifierTrainer;
import org.helpdesktriage.core.internal.classify.LabelledText;
import org.helpdesktriage.core.internal.classify.TextClassifier;
import org.helpdesktriage.core.route.ClassifierPolicy.Decision;
import org.helpdesktriage.core.route.ClassifierPolicy;
import org.helpdesktriage.core.route.Routing;

/**
 * Measures how a configuration routes labelled history: its rules, and with a model each
 * decision policy ({@code rules_first}, {@code model_first}, {@code rules_override}) on the same
 * predictions, so they can be compared.
 *
 * <pre>{@code
 * RoutingReport report = RoutingEvaluation.builder().config(config).folds(10).build()
 *         .run(LabelledData.read(input, config, clock));
 * System.out.println(report.primary().metrics().toTable());
 * }</pre>
 *
 * <p>Without folds the configuration routes as it is, with the model it names, if any. With K
 * folds, K-fold cross-validation: a model is trained on K-1 folds (stratified by label,
 * {@link CrossValidation#assignFolds}) and the held-out fold is routed by the rules and that
 * model under every policy. With groups, each group (a repository, a product) is
 * cross-validated on its own, one model per group, and the figures pool every group's held-out
 * routes. Immutable; {@link #run} may be called from several threads.
 */
public final class RoutingEvaluation {

    /** What names the model of a policy whose models cross-validation trains and hands over. */
    private static final Path CROSS_VALIDATION = Path.of("(cross-validation)");

    private final TriageConfig config;
    private final int folds;
    private final long seed;
    private final ClassifierTrainer trainer;
    private final Double minConfidence;
    private final RoutedField field;
    private final boolean byGroup;
    private final Clock clock;

    private RoutingEvaluation(Builder b) {
        this.config = b.config;
        this.folds = b.folds;
        this.seed = b.seed;
        this.trainer = b.trainer != null ? b.trainer
                : ClassifierTrainer.builder().seed(b.seed).build();
        this.minConfidence = b.minConfidence;
        this.field = b.field;
        this.byGroup = b.byGroup;
        this.clock = b.clock;
    }

    /** Returns a builder: the default configuration, no folds, seed 42, the category. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Routes the labelled examples and returns the figures.
     *
     * @throws IllegalArgumentException when there are fewer examples (in a group) than folds,
     *     or a model is needed and the examples hold fewer than two labels
     */
    public RoutingReport run(LabelledData data) {
        Objects.requireNonNull(data, "data");
        List<Decision> decisions = decisions();
        Map<String, List<LabelledData.Example>> groups = byGroup ? data.byGroup()
                : Map.of("", data.examples());
        List<String> actual = new ArrayList<>();
        Map<Decision, List<TriageResult>> results = new LinkedHashMap<>();
        List<ScoredPrediction> model = new ArrayList<>();
        Map<String, ClassificationMetrics> perGroup = new TreeMap<>();
        double training = 0;
        for (Map.Entry<String, List<LabelledData.Example>> g : groups.entrySet()) {
            List<LabelledData.Example> examples = g.getValue();
            Map<Decision, TriageResult[]> routed = new LinkedHashMap<>();
            for (Decision d : decisions) {
                routed.put(d, new TriageResult[examples.size()]);
            }
            if (folds == 0) {
                routeAsConfigured(examples, routed);
            } else {
                training += crossValidate(examples, routed);
            }
            List<String> groupActual = new ArrayList<>();
            List<String> groupPredicted = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                String label = examples.get(i).label();
                actual.add(label);
                groupActual.add(label);
                Routing first = routed.get(decisions.get(0))[i].routing();
                // a group's figure is the model's own where a model took part (the score of
                // one model per group), else the rules'
                groupPredicted.add(first.modelPrediction().map(p -> p.label())
                        .orElse(field.of(first)));
                first.modelPrediction().ifPresent(p -> model.add(
                        new ScoredPrediction(label, p.label(), p.confidence())));
            }
            routed.forEach((d, r) -> results.computeIfAbsent(d, x -> new ArrayList<>())
                    .addAll(List.of(r)));
            if (byGroup) {
                perGroup.put(g.getKey(), ClassificationMetrics.of(groupActual, groupPredicted));
            }
        }
        List<PolicyResult> policies = new ArrayList<>();
        for (Decision d : decisions) {
            policies.add(result(d, actual, results.get(d)));
        }
        return new RoutingReport(policies, model, perGroup, folds, training);
    }

    /** The configured policy first, then the others; just the rules without a model. */
    private List<Decision> decisions() {
        boolean model = folds > 0 || config.classifierPolicy().isPresent();
        if (!model) {
            List<Decision> rulesOnly = new ArrayList<>();
            rulesOnly.add(null);
            return rulesOnly;
        }
        Decision configured = config.classifierSettings().map(ClassifierPolicy::decision)
                .orElse(Decision.RULES_FIRST);
        List<Decision> out = new ArrayList<>(List.of(configured));
        for (Decision d : Decision.values()) {
            if (d != configured) {
                out.add(d);
            }
        }
        return out;
    }

    private void routeAsConfigured(List<LabelledData.Example> examples,
            Map<Decision, TriageResult[]> routed) {
        TextClassifier model = null;
        for (Map.Entry<Decision, TriageResult[]> e : routed.entrySet()) {
            TriageEngine.Builder b = TriageEngine.builder().config(policy(e.getKey()))
                    .clock(clock);
            if (model != null) {
                b.classifier(model);
            }
            TriageEngine engine = b.build();
            model = engine.classifier().map(TextClassifier::of).orElse(null);
            for (int i = 0; i < examples.size(); i++) {
                e.getValue()[i] = engine.triage(examples.get(i).ticket());
            }
        }
    }

    private double crossValidate(List<LabelledData.Example> examples,
            Map<Decision, TriageResult[]> routed) {
        if (examples.size() < folds) {
            throw new IllegalArgumentException(examples.size() + " examples are too few for "
                    + folds + " folds");
        }
        List<LabelledText> texts = new ArrayList<>(examples.size());
        for (LabelledData.Example e : examples) {
            texts.add(e.text());
        }
        int[] fold = new CrossValidation(folds, seed).assignFolds(texts);
        double seconds = 0;
        for (int f = 0; f < folds; f++) {
            List<LabelledText> train = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                if (fold[i] != f) {
                    train.add(texts.get(i));
                }
            }
            long start = System.nanoTime();
            TextClassifier model = trainer.train(train);
            seconds += (System.nanoTime() - start) / 1e9;
            for (Map.Entry<Decision, TriageResult[]> e : routed.entrySet()) {
                TriageEngine engine = TriageEngine.builder().config(policy(e.getKey()))
                        .clock(clock).classifier(model).build();
                for (int i = 0; i < examples.size(); i++) {
                    if (fold[i] == f) {
                        e.getValue()[i] = engine.triage(examples.get(i).ticket());
                    }
                }
            }
        }
        return seconds;
    }

    private TriageConfig policy(Decision decision) {
        if (decision == null) {
            return config;
        }
        // without a configured policy the model's prediction is always taken (threshold 0); the
        // fold models are handed to the engine, so the model file only has to be named
        ClassifierPolicy base = config.classifierSettings()
                .map(p -> p.modelFile().isPresent() ? p : p.withModel(CROSS_VALIDATION))
                .orElseGet(() -> new ClassifierPolicy(CROSS_VALIDATION, 0.0, null));
        double threshold = minConfidence != null ? minConfidence : base.minConfidence();
        return config.withClassifier(base.withMinConfidence(threshold).withDecision(decision));
    }

    private PolicyResult result(Decision decision, List<String> actual,
            List<TriageResult> results) {
        List<String> predicted = new ArrayList<>(results.size());
        Map<String, Integer> decidedBy = new TreeMap<>();
        long covered = 0;
        long right = 0;
        for (int i = 0; i < results.size(); i++) {
            Routing r = results.get(i).routing();
            String value = field.of(r);
            predicted.add(value);
            decidedBy.merge(r.decidedBy().id(), 1, Integer::sum);
            if (r.decidedBy() == Routing.Decider.RULE || r.decidedBy() == Routing.Decider.MODEL) {
                covered++;
                if (value.equals(actual.get(i))) {
                    right++;
                }
            }
        }
        return new PolicyResult(decision, ClassificationMetrics.of(actual, predicted), decidedBy,
                results.isEmpty() ? 0 : (double) covered / results.size(),
                covered == 0 ? 0 : (double) right / covered);
    }

    /** Options of a {@link RoutingEvaluation}. */
    public static final class Builder {
        private TriageConfig config = TriageConfig.defaults();
        private int folds;
        private long seed = 42;
        private ClassifierTrainer trainer;
        private Double minConfidence;
        private RoutedField field = RoutedField.CATEGORY;
        private boolean byGroup;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Sets the configuration whose rules (and model, without folds) route. */
        public Builder config(TriageConfig value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /** Sets the number of cross-validation folds: 0 (none: route as configured) or 2+. */
        public Builder folds(int value) {
            if (value != 0 && value < 2) {
                throw new IllegalArgumentException("folds " + value + " is neither 0 nor 2+");
            }
            this.folds = value;
            return this;
        }

        /** Sets the seed of the fold split (and of the default trainer). */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Sets the trainer of each fold's model (default: the default trainer, this seed). */
        public Builder trainer(ClassifierTrainer value) {
            this.trainer = Objects.requireNonNull(value, "trainer");
            return this;
        }

        /**
         * Sets the confidence at which the model's prediction is taken (default: the
         * configuration's {@code classifier.min_confidence}, else 0: always).
         */
        public Builder minConfidence(double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("min confidence " + value + " is not in [0, 1]");
            }
            this.minConfidence = value;
            return this;
        }

        /** Sets the routing field compared with the labels (default: the category). */
        public Builder field(RoutedField value) {
            this.field = Objects.requireNonNull(value, "field");
            return this;
        }

        /** Sets whether each group is cross-validated on its own (default: no). */
        public Builder byGroup(boolean value) {
            this.byGroup = value;
            return this;
        }

        /** Sets the clock of triage (default: the UTC system clock). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Returns the evaluation. */
        public RoutingEvaluation build() {
            return new RoutingEvaluation(this);
        }
    }
}
