package org.helpdesktriage.core.internal.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a classifier's confidences are worth: the precision/coverage curve over thresholds (keep
 * only confident predictions, send the rest to a person), and calibration (reliability table,
 * expected calibration error).
 */
public final class ConfidenceAnalysis {

    private ConfidenceAnalysis() {}

    /** Returns one curve point per threshold, in the given order. */
    public static List<CoveragePoint> curve(List<ScoredPrediction> predictions,
            List<Double> thresholds) {
        Objects.requireNonNull(predictions, "predictions");
        List<CoveragePoint> out = new ArrayList<>(thresholds.size());
        for (double t : thresholds) {
            out.add(point(predictions, t));
        }
        return List.copyOf(out);
    }

    /** Returns the curve point of one threshold. */
    public static CoveragePoint point(List<ScoredPrediction> predictions, double threshold) {
        long kept = 0;
        long right = 0;
        for (ScoredPrediction p : predictions) {
            if (p.confidence() >= threshold) {
                kept++;
                if (p.correct()) {
                    right++;
                }
            }
        }
        double coverage = predictions.isEmpty() ? 0 : (double) kept / predictions.size();
        return new CoveragePoint(threshold, coverage, kept == 0 ? 0 : (double) right / kept, kept);
    }

    /**
     * Returns the highest threshold that still keeps at least {@code minCoverage} of the
     * predictions (the most precise such cut), or empty when there are none.
     */
    public static Optional<CoveragePoint> thresholdForCoverage(
            List<ScoredPrediction> predictions, double minCoverage) {
        if (predictions.isEmpty()) {
            return Optional.empty();
        }
        double[] conf = predictions.stream().mapToDouble(ScoredPrediction::confidence).sorted()
                .toArray();
        int needed = (int) Math.ceil(minCoverage * conf.length);
        needed = Math.max(1, Math.min(conf.length, needed));
        double threshold = conf[conf.length - needed];
        return Optional.of(point(predictions, threshold));
    }

    /** Returns a reliability table of {@code bins} equal-width confidence bins. */
    public static List<ReliabilityBin> reliability(List<ScoredPrediction> predictions, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins " + bins + " is below 1");
        }
        long[] count = new long[bins];
        double[] conf = new double[bins];
        long[] right = new long[bins];
        for (ScoredPrediction p : predictions) {
            int b = Math.min(bins - 1, (int) (p.confidence() * bins));
            count[b]++;
            conf[b] += p.confidence();
            if (p.correct()) {
                right[b]++;
            }
        }
        List<ReliabilityBin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            out.add(new ReliabilityBin((double) b / bins, (double) (b + 1) / bins, count[b],
                    count[b] == 0 ? 0 : conf[b] / count[b],
                    count[b] == 0 ? 0 : (double) right[b] / count[b]));
        }
        return List.copyOf(out);
    }

    /**
     * Returns the expected calibration error: the count-weighted mean gap between confidence
     * and accuracy over {@code bins} equal-width bins.
     */
    public static double expectedCalibrationError(List<ScoredPrediction> predictions, int bins) {
        if (predictions.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (ReliabilityBin b : reliability(predictions, bins)) {
            sum += b.count() * Math.abs(b.meanConfidence() - b.accuracy());
        }
        return sum / predictions.size();
    }
}
