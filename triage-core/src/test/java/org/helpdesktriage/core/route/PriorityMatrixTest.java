package org.helpdesktriage.core.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.helpdesktriage.core.model.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriorityMatrixTest {

    private static final PriorityMatrix TWO_BY_TWO = new PriorityMatrix(
            List.of("High", "Low"), List.of("Urgent", "Later"),
            List.of(List.of(Priority.CRITICAL, Priority.HIGH),
                    List.of(Priority.MEDIUM, Priority.LOW)));

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
        "high          | High",
        "' LOW '       | Low",
        "1 - High      | High",
        "2-low         | Low",
        "'10 -  high'  | High"})
    void aValue_namesItsLevel_trimmedCaseInsensitiveOrNumbered(String value, String level) {
        assertThat(TWO_BY_TWO.impactLevel(value)).contains(level);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {"medium", "1", "'1 -'", "High-ish", "''"})
    void aValueOfNoLevel_namesNone(String value) {
        assertThat(TWO_BY_TWO.impactLevel(value)).isEmpty();
    }

    @Test
    void priority_isTheCellOfTheRowAndColumn() {
        assertThat(TWO_BY_TWO.priority("high", "later")).contains(Priority.HIGH);
        assertThat(TWO_BY_TWO.priority("3 - Low", "urgent")).contains(Priority.MEDIUM);
        assertThat(TWO_BY_TWO.priority("high", "never")).isEmpty();
        assertThat(TWO_BY_TWO.priority(null, "urgent")).isEmpty();
    }

    @Test
    void none_decidesNothing() {
        assertThat(PriorityMatrix.none().isNone()).isTrue();
        assertThat(TWO_BY_TWO.isNone()).isFalse();
        assertThat(PriorityMatrix.none().priority("high", "high")).isEmpty();
    }

    @Test
    void theConstructor_refusesRepeatedLevelsAndGridsOfTheWrongShape() {
        assertThatThrownBy(() -> new PriorityMatrix(List.of("high", " HIGH"), List.of("a"),
                List.of(List.of(Priority.LOW), List.of(Priority.LOW))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("impact level ' HIGH' repeats 'high'");
        assertThatThrownBy(() -> new PriorityMatrix(List.of("a", "b"), List.of("x"),
                List.of(List.of(Priority.LOW), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("priority row 1 (impact 'b') has 0 priorities, but urgency has 1 "
                        + "levels [x]");
        assertThatThrownBy(() -> new PriorityMatrix(List.of(), List.of("x"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("impact has no levels");
    }
}
