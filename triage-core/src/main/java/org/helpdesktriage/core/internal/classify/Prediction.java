package org.helpdesktriage.core.internal.classify;

import java.util.Map;
import java.util.Objects;

/**
 * A classifier's answer for one text: the most probable label, its calibrated probability and,
 * when asked for, the probability of every label.
 *
 * @param label the most probable label
 * @param confidence the calibrated probability of {@code label}, in [0, 1]
 * @param probabilities every label's probability in the model's label order; empty when the
 *     caller took the cheap path ({@link TextClassifier#predictTop})
 */
public record Prediction(String label, double confidence, Map<String, Double> probabilities) {

    /** Checks the arguments and copies the map, keeping its order. */
    public Prediction {
        Objects.requireNonNull(label, "label");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence " + confidence + " is not in [0, 1]");
        }
        probabilities = java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(Objects.requireNonNull(probabilities, "probabilities")));
    }
}
