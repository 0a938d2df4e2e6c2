package org.helpdesktriage.core.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesktriage.core.TestTickets.aTicket;
import static org.helpdesktriage.core.internal.rules.RuleFixtures.holds;

import java.util.List;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.rules.MatchMode;
import org.junit.jupiter.api.Test;

class ConditionGroupsTest {

    private static final String BILLING =
            "{'field': 'category', 'op': 'equals', 'value': 'billing'}";
    private static final String PAYMENT =
            "{'field': 'text', 'op': 'contains_any_word', 'value': ['payment']}";
    private static final String VIP = "{'field': 'tags', 'op': 'equals', 'value': 'vip'}";
    /** Holds unless: (billing and payment) or vip. */
    private static final String NESTED =
            "{'none': [{'any': [{'all': [" + BILLING + ", " + PAYMENT + "]}, " + VIP + "]}]}";

    @Test
    void emptyGroups_followLogic() {
        Ticket t = aTicket().build();
        assertThat(holds("{'all': []}", t)).isTrue();
        assertThat(holds("{'any': []}", t)).isFalse();
        assertThat(holds("{'none': []}", t)).isTrue();
    }

    @Test
    void nested_allInsideAnyInsideNone_billingPayment_doesNotHold() {
        Ticket t = aTicket().category("billing").description("payment failed").build();
        assertThat(holds(NESTED, t)).isFalse();
    }

    @Test
    void nested_allInsideAnyInsideNone_billingWithoutPayment_holds() {
        Ticket t = aTicket().category("billing").description("invoice address").build();
        assertThat(holds(NESTED, t)).isTrue();
    }

    @Test
    void nested_allInsideAnyInsideNone_vipTag_doesNotHold() {
        Ticket t = aTicket().tags(List.of("vip")).build();
        assertThat(holds(NESTED, t)).isFalse();
    }

    @Test
    void any_oneChildHolds_holds() {
        Ticket t = aTicket().category("billing").build();
        assertThat(holds("{'any': [" + PAYMENT + ", " + BILLING + "]}", t)).isTrue();
        assertThat(holds("{'all': [" + PAYMENT + ", " + BILLING + "]}", t)).isFalse();
    }

    @Test
    void condition_toString_isConcise() {
        RuleSet set = RuleFixtures.compile(MatchMode.FIRST, RuleFixtures.rule("r", "low", NESTED));
        assertThat(set.rules().get(0).condition()).hasToString("none of [any of [all of "
                + "[category equals 'billing', text contains_any_word [payment]], "
                + "tags equals 'vip']]");
        assertThat(set.rules().get(0).condition()).isInstanceOf(Condition.None.class);
    }
}
