package org.helpdesktriage.core.internal.evaluate;

import java.util.Objects;

/**
 * One evaluated example: its actual label, the predicted label and the prediction's confidence.
 *
 * @param actual the true label
 * @param predicted the predicted label
 * @param confidence the predicted label's probability, in [0, 1]
 */
public record ScoredPrediction(String actual, String predicted, double confidence) {

    /** Checks the arguments. */
    public ScoredPrediction {
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(predicted, "predicted");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " is not in [0, 1]");
        }
    }

    /** Returns whether the prediction is right. */
    public boolean correct() {
        return actual.equals(predicted);
    }
}
