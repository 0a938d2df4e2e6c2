package org.helpdesktriage.core.scoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Scoring settings: the weight of each component and the urgency keywords.
 *
 * @param weights component name ({@code priority}, {@code urgency}) to weight; a component
 *     without a weight takes its default (priority 0.6, urgency 0.4)
 * @param urgencyKeywords words that make a ticket urgent, matched as whole words
 * @param pointsPerKeyword points for each distinct keyword present
 * @param urgencyCap the most points the urgency component can reach; normalises it
 */
public record ScoringConfig(
        Map<String, Double> weights,
        List<String> urgencyKeywords,
        int pointsPerKeyword,
        int urgencyCap) {

    /** The components a score has, in report order. */
    public static final Set<String> COMPONENTS = Set.of("priority", "urgency");

    /** Checks the values and fills in default weights. */
    public ScoringConfig {
        Objects.requireNonNull(weights, "weights");
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("priority", 0.6);
        w.put("urgency", 0.4);
        weights.forEach((k, v) -> {
            if (!COMPONENTS.contains(k)) {
                throw new IllegalArgumentException(
                        "unknown score component '" + k + "'; known: priority, urgency");
            }
            if (v == null || !(v >= 0.0) || v.isInfinite()) {
                throw new IllegalArgumentException(
                        "weight of '" + k + "' must be a number >= 0, got " + v);
            }
            w.put(k, v);
        });
        double sum = 0;
        for (double v : w.values()) {
            sum += v;
        }
        if (!Double.isFinite(sum)) {
            throw new IllegalArgumentException("scoring.weights add up to more than the largest"
                    + " number a double holds (" + w.get("priority") + " + " + w.get("urgency")
                    + "); keep their sum finite");
        }
        weights = Map.copyOf(w);
        urgencyKeywords = List.copyOf(urgencyKeywords);
        if (pointsPerKeyword < 0) {
            throw new IllegalArgumentException("points_per_keyword must be >= 0, got " + pointsPerKeyword);
        }
        if (urgencyCap <= 0) {
            throw new IllegalArgumentException("urgency_cap must be > 0, got " + urgencyCap);
        }
    }

    /** Returns the defaults of the original service. */
    public static ScoringConfig defaults() {
        return new ScoringConfig(Map.of(), List.of("urgent", "critical", "down", "broken",
                "emergency", "outage", "cannot", "unable", "failed", "error"), 2, 10);
    }
}
