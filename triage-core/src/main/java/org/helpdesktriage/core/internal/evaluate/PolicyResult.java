package org.helpdesktriage.core.internal.evaluate;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.helpdesktriage.core.route.ClassifierPolicy;

/**
 * How one decision policy routed labelled tickets: its metrics, what decided each route, and
 * its coverage (the share of tickets a rule or the model routed, not the review team or the
 * default route) with the precision on those.
 *
 * @param decision the policy, or {@code null} when no model took part (rules alone)
 * @param metrics the routed field against the labels, over every ticket
 * @param decidedBy how many routes each decider made ({@code rule}, {@code model},
 *     {@code review}, {@code default})
 * @param coverage the share of tickets routed by a rule or the model
 * @param precision the share of those routed right; 0 when none was
 */
public record PolicyResult(ClassifierPolicy.Decision decision, ClassificationMetrics metrics,
        Map<String, Integer> decidedBy, double coverage, double precision) {

    /** Checks the values and copies the counts, sorted by decider. */
    public PolicyResult {
        Objects.requireNonNull(metrics, "metrics");
        decidedBy = java.util.Collections.unmodifiableMap(new TreeMap<>(decidedBy));
    }

    /** Returns the policy's name in the configuration, or {@code rules} without a model. */
    public String name() {
        return decision == null ? "rules" : decision.id();
    }
}
