package org.helpdesktriage.core.internal.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    // actual a a a b b c / predicted a a b b a b: c is never predicted
    private final ClassificationMetrics m = ClassificationMetrics.of(
            List.of("a", "a", "a", "b", "b", "c"), List.of("a", "a", "b", "b", "a", "b"));

    @Test
    void of_handComputedCase_givesConfusionMatrixInSortedLabelOrder() {
        assertThat(m.labels()).containsExactly("a", "b", "c");
        assertThat(m.confusion()).isDeepEqualTo(new long[][] {{2, 1, 0}, {1, 1, 0}, {0, 1, 0}});
        assertThat(m.total()).isEqualTo(6);
    }

    @Test
    void of_handComputedCase_givesPerClassFigures() {
        assertThat(m.perClass()).extracting(ClassMetrics::label).containsExactly("a", "b", "c");
        ClassMetrics a = m.perClass().get(0);
        assertThat(a.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(a.recall()).isCloseTo(2.0 / 3, within(1e-12));
        ClassMetrics b = m.perClass().get(1);
        assertThat(b.precision()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(b.recall()).isCloseTo(0.5, within(1e-12));
        assertThat(b.f1()).isCloseTo(0.4, within(1e-12));
        assertThat(m.perClass()).extracting(ClassMetrics::support).containsExactly(3, 2, 1);
    }

    @Test
    void of_classNeverPredicted_hasPrecisionZeroNotNaN() {
        ClassMetrics c = m.perClass().get(2);
        assertThat(c.precision()).isZero();
        assertThat(c.recall()).isZero();
        assertThat(c.f1()).isZero();
    }

    @Test
    void of_handComputedCase_givesAccuracyAndAveragedF1() {
        assertThat(m.accuracy()).isCloseTo(0.5, within(1e-12));
        assertThat(m.macroF1()).isCloseTo((2.0 / 3 + 0.4 + 0) / 3, within(1e-12));
        assertThat(m.weightedF1()).isCloseTo((3 * 2.0 / 3 + 2 * 0.4) / 6, within(1e-12));
    }

    @Test
    void toTable_listsEveryLabelAndTheTotals() {
        assertThat(m.toTable()).contains("precision", "[2] c", "accuracy 0.5000");
    }

    @Test
    void toJson_holdsFiguresAndConfusion() {
        ObjectNode json = m.toJson(new ObjectMapper());
        assertThat(json.get("accuracy").doubleValue()).isEqualTo(0.5);
        assertThat(json.get("confusion").get(2).get(1).longValue()).isEqualTo(1);
        assertThat(json.get("classes").get(2).get("precision").doubleValue()).isZero();
    }

    @Test
    void of_listsOfDifferentLength_areRefused() {
        assertThatThrownBy(() -> ClassificationMetrics.of(List.of("a"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("actual has 1 labels but predicted has 0");
    }
}
