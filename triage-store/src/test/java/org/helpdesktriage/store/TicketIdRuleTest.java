package org.helpdesktriage.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 29, item 2: one rule on ticket ids for every store. A ticket whose id holds a control
 * character cannot be made, so no store (memory, file, PostgreSQL) is ever asked to keep one.
 */
class TicketIdRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"X\u0000Y", "T-1\n", "\u001b[2J", "A\u007fB"})
    void controlCharacterInAnId_isRefusedBeforeAnyStoreSeesIt(String id) {
        assertThatThrownBy(() -> TestTickets.ticket(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds a control character")
                .hasMessageNotContaining("\u0000");
    }
}
