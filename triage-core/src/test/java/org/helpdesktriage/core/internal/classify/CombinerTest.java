package org.helpdesktriage.core.internal.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CombinerTest {

    /**
     * Three labels, two scorers: the first scores at random, the second gives the true label a
     * margin of 1 over noise. The combiner must lean on the second and report confidences that
     * match how often it is right.
     */
    @Test
    void fit_weighsTheInformativeScorerAndCalibratesItsConfidence() {
        int k = 3;
        int n = 3000;
        Random random = new Random(11);
        double[][] scores = new double[n][2 * k];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = i % k;
            for (int c = 0; c < k; c++) {
                scores[i][c] = random.nextGaussian() * 3;
                scores[i][k + c] = random.nextGaussian() + (c == truth[i] ? 1 : 0);
            }
        }
        float[] a = Combiner.fit(scores, truth, k);
        int right = 0;
        int rightBySecondAlone = 0;
        double confidence = 0;
        for (int i = 0; i < n; i++) {
            double[] p = Combiner.probabilities(a, scores[i], k);
            int best = TextClassifier.argmax(p);
            right += best == truth[i] ? 1 : 0;
            confidence += p[best];
            double[] second = {scores[i][k], scores[i][k + 1], scores[i][k + 2]};
            rightBySecondAlone += TextClassifier.argmax(second) == truth[i] ? 1 : 0;
        }
        assertThat(right).isGreaterThanOrEqualTo(rightBySecondAlone - n / 100);
        assertThat(confidence / n).isCloseTo((double) right / n, within(0.03));
        int row = 2 * k + 1;
        for (int c = 0; c < k; c++) {
            assertThat(Math.abs(a[c * row + k + c])).as("label %d", c)
                    .isGreaterThan(5 * Math.abs(a[c * row + c]));
        }
    }

    @Test
    void temperature_isSoftmaxOfScaledFirstScorer() {
        float[] a = Combiner.temperature(2, 4, 2.0);
        double[] p = Combiner.probabilities(a, new double[] {1, -1, 50, -50}, 2);
        assertThat(p[0]).isCloseTo(1 / (1 + Math.exp(-4)), within(1e-9));
        assertThat(p[0] + p[1]).isCloseTo(1.0, within(1e-12));
    }
}
