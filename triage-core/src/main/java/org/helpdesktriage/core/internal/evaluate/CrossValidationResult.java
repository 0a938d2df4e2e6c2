package org.helpdesktriage.core.internal.evaluate;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a cross-validation: metrics over every fold's held-out predictions, those
 * predictions (in input order), each fold's training time, and the prediction throughput.
 *
 * @param metrics quality over all held-out predictions
 * @param predictions each example's held-out prediction, in input order
 * @param trainingSeconds each fold's training time in seconds
 * @param predictionsPerSecond held-out predictions made per second of prediction time
 */
public record CrossValidationResult(ClassificationMetrics metrics,
        List<ScoredPrediction> predictions, List<Double> trainingSeconds,
        double predictionsPerSecond) {

    /** Checks and copies the arguments. */
    public CrossValidationResult {
        Objects.requireNonNull(metrics, "metrics");
        predictions = List.copyOf(predictions);
        trainingSeconds = List.copyOf(trainingSeconds);
    }
}
