package org.helpdesktriage.core.internal.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfidenceAnalysisTest {

    private final List<ScoredPrediction> predictions = List.of(
            new ScoredPrediction("a", "a", 0.95),
            new ScoredPrediction("a", "a", 0.85),
            new ScoredPrediction("b", "a", 0.75),
            new ScoredPrediction("b", "b", 0.55),
            new ScoredPrediction("b", "a", 0.35));

    @Test
    void curve_keepsPredictionsAtOrAboveEachThreshold() {
        List<CoveragePoint> curve = ConfidenceAnalysis.curve(predictions, List.of(0.0, 0.5, 0.8));
        assertThat(curve).extracting(CoveragePoint::kept).containsExactly(5L, 4L, 2L);
        assertThat(curve).extracting(CoveragePoint::coverage).containsExactly(1.0, 0.8, 0.4);
        assertThat(curve.get(1).precision()).isCloseTo(0.75, within(1e-12));
        assertThat(curve.get(2).precision()).isEqualTo(1.0);
    }

    @Test
    void point_nothingKept_hasPrecisionZero() {
        assertThat(ConfidenceAnalysis.point(predictions, 0.99).precision()).isZero();
    }

    @Test
    void thresholdForCoverage_picksTheHighestThresholdKeepingEnough() {
        CoveragePoint p = ConfidenceAnalysis.thresholdForCoverage(predictions, 0.8).orElseThrow();
        assertThat(p.threshold()).isEqualTo(0.55);
        assertThat(p.coverage()).isEqualTo(0.8);
    }

    @Test
    void expectedCalibrationError_isTheWeightedGapPerBin() {
        // bins of 0.5: [0.35] conf .35 acc 0; [.55 .75 .85 .95] conf .775 acc .75
        double ece = ConfidenceAnalysis.expectedCalibrationError(predictions, 2);
        assertThat(ece).isCloseTo((0.35 + 4 * 0.025) / 5, within(1e-12));
    }
}
