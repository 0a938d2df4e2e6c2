package org.helpdesktriage.core.route;

import java.util.Objects;

/**
 * What a classifier said about a ticket, as routing uses it: the most probable category and its
 * calibrated probability. Routing owns this type, so it depends on no classifier; the engine
 * hands the classifier's answer over in this form.
 *
 * @param label the most probable category
 * @param confidence the calibrated probability of {@code label}, in [0, 1]
 */
public record ModelPrediction(String label, double confidence) {

    /** Checks the arguments. */
    public ModelPrediction {
        Objects.requireNonNull(label, "label");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence " + confidence + " is not in [0, 1]");
        }
    }
}
