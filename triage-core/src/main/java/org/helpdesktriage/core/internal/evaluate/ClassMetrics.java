package org.helpdesktriage.core.internal.evaluate;

import java.util.Objects;

/**
 * One label's figures: precision, recall and F1 (0, not NaN, when undefined) and its support
 * (how many examples actually carry it).
 *
 * @param label the label
 * @param precision share of predictions of this label that were right
 * @param recall share of this label's examples that were predicted as it
 * @param f1 harmonic mean of precision and recall
 * @param support number of examples whose actual label is this one
 */
public record ClassMetrics(String label, double precision, double recall, double f1, int support) {

    /** Checks the label and the support. */
    public ClassMetrics {
        Objects.requireNonNull(label, "label");
        if (support < 0) {
            throw new IllegalArgumentException("support " + support + " is negative");
        }
    }
}
