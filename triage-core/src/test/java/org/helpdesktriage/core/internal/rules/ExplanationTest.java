package org.helpdesktriage.core.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesktriage.core.TestTickets.CREATED;
import static org.helpdesktriage.core.TestTickets.aTicket;
import static org.helpdesktriage.core.internal.rules.RuleFixtures.compile;
import static org.helpdesktriage.core.internal.rules.RuleFixtures.rule;

import java.util.List;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.rules.MatchMode;
import org.junit.jupiter.api.Test;

class ExplanationTest {

    private static final String BILLING =
            "{'field': 'category', 'op': 'equals', 'value': 'billing'}";
    private static final String PAYMENT =
            "{'field': 'description', 'op': 'contains_any_word', 'value': ['payment']}";
    private static final String VIP = "{'field': 'tags', 'op': 'equals', 'value': 'vip'}";

    private static String detail(RuleSet set, Ticket ticket, String ruleId) {
        return set.evaluate(Facts.of(ticket, CREATED), true).evaluations().stream()
                .filter(e -> e.ruleId().equals(ruleId)).findFirst().orElseThrow().detail();
    }

    private static RuleSet defaults() {
        TriageConfig c = TriageConfig.defaults();
        return RuleSet.compile(c.rules(), c.categories(), c.matchMode());
    }

    @Test
    void explain_match_listsTheConditionsThatHeld() {
        Ticket t = aTicket().category("billing").description("payment failed").build();
        assertThat(detail(defaults(), t, "critical_billing")).isEqualTo("matched: all of "
                + "[category equals 'billing', description contains_any_word [payment]]");
    }

    @Test
    void explain_missInAll_namesFailingConditionAndValueSeen() {
        Ticket t = aTicket().category("technical").description("payment failed").build();
        assertThat(detail(defaults(), t, "critical_billing"))
                .isEqualTo("all[0]: category equals 'billing' was false (category is 'technical')");
    }

    @Test
    void explain_missInAny_listsEveryFailedChild() {
        Ticket t = aTicket().title("Clock widget").description("It is slow").build();
        assertThat(detail(defaults(), t, "account_lockout")).isEqualTo("any: none of 2 conditions"
                + " held: title contains_any_word [lock, locked, lockout] was false"
                + " (title is 'Clock widget'); description contains_any_word"
                + " [lock, locked, lockout] was false (description is 'It is slow')");
    }

    @Test
    void explain_matchInAny_namesTheChildThatHeld() {
        Ticket t = aTicket().title("Help").description("account locked").build();
        assertThat(detail(defaults(), t, "account_lockout")).isEqualTo(
                "matched: any[1]: description contains_any_word [lock, locked, lockout]");
    }

    @Test
    void explain_nestedMiss_givesThePathThroughTheGroups() {
        String nested = "{'none': [{'any': [{'all': [" + BILLING + ", " + PAYMENT + "]}, "
                + VIP + "]}]}";
        RuleSet set = compile(MatchMode.FIRST, rule("n", "low", nested));
        Ticket billingPayment = aTicket().category("billing").description("payment").build();
        assertThat(detail(set, billingPayment, "n")).isEqualTo("none[0]: any[0]: all of "
                + "[category equals 'billing', description contains_any_word [payment]] held");
        Ticket plain = aTicket().build();
        assertThat(detail(set, plain, "n")).isEqualTo("matched: none of [any of [all of "
                + "[category equals 'billing', description contains_any_word [payment]], "
                + "tags equals 'vip']]");
    }

    @Test
    void explain_nestedAllInAny_missShowsInnerFailure() {
        String cond = "{'any': [{'all': [" + BILLING + ", " + PAYMENT + "]}, " + VIP + "]}";
        RuleSet set = compile(MatchMode.FIRST, rule("n", "low", cond));
        Ticket t = aTicket().category("billing").description("invoice").tags(List.of("new"))
                .build();
        assertThat(detail(set, t, "n")).isEqualTo("any: none of 2 conditions held: all[1]: "
                + "description contains_any_word [payment] was false (description is 'invoice');"
                + " tags equals 'vip' was false (tags are [new])");
    }

    @Test
    void explain_missingValues_sayWhatIsMissing() {
        RuleSet set = compile(MatchMode.FIRST,
                rule("m", "low", "{'field': 'metadata.region', 'op': 'equals', 'value': 'eu'}"),
                rule("p", "low", "{'field': 'prediction_confidence', 'op': 'greater_than', "
                        + "'value': 0.5}"));
        assertThat(detail(set, aTicket().build(), "m"))
                .isEqualTo("metadata.region equals 'eu' was false (metadata.region is missing)");
        assertThat(detail(set, aTicket().build(), "p"))
                .isEqualTo("prediction_confidence greater_than 0.5 was false (no prediction)");
    }

    @Test
    void explain_longValue_isShortened() {
        Ticket t = aTicket().description("x".repeat(500)).build();
        RuleSet set = compile(MatchMode.FIRST, rule("r", "low", PAYMENT));
        assertThat(detail(set, t, "r")).endsWith("(description is '" + "x".repeat(60) + "...')");
    }
}
