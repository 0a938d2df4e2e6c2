package org.helpdesktriage.core.internal.evaluate;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of a {@link RoutingEvaluation}: one result per decision policy (the configured
 * one first; a single rules-only result when no model took part), the model's own held-out
 * predictions, and per-group metrics when groups were evaluated apart: the model's own where a
 * model took part (one model per group), else the rules'.
 *
 * @param policies each policy's result, the configured policy first
 * @param model the model's prediction for every ticket (empty without a model), in input order
 * @param groups per group, the model's metrics, or the rules' without a model (empty unless
 *     evaluated by group)
 * @param folds the number of cross-validation folds, 0 without
 * @param trainingSeconds the time spent training fold models
 */
public record RoutingReport(List<PolicyResult> policies, List<ScoredPrediction> model,
        Map<String, ClassificationMetrics> groups, int folds, double trainingSeconds) {

    /** Checks and copies the values. */
    public RoutingReport {
        policies = List.copyOf(policies);
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one policy");
        }
        model = List.copyOf(model);
        groups = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(
                Objects.requireNonNull(groups, "groups")));
    }

    /** Returns the result of the configured policy (or of the rules alone). */
    public PolicyResult primary() {
        return policies.get(0);
    }

    /** Returns the model's figures alone (its prediction for every ticket), or empty. */
    public java.util.Optional<ClassificationMetrics> modelAlone() {
        if (model.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(ClassificationMetrics.of(
                model.stream().map(ScoredPrediction::actual).toList(),
                model.stream().map(ScoredPrediction::predicted).toList()));
    }
}
