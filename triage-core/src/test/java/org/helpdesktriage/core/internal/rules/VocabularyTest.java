package org.helpdesktriage.core.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesktriage.core.TestTickets.CREATED;
import static org.helpdesktriage.core.TestTickets.aTicket;
import static org.helpdesktriage.core.internal.rules.RuleFixtures.compile;
import static org.helpdesktriage.core.internal.rules.RuleFixtures.rule;

import java.util.List;
import org.helpdesktriage.core.rules.MatchMode;
import org.junit.jupiter.api.Test;

/** Each compiled rule set has its own vocabulary; a ticket's facts serve several rule sets. */
class VocabularyTest {

    @Test
    void intern_givesIdsInOrder_andAnotherVocabularyStartsAgain() {
        Vocabulary first = new Vocabulary();
        assertThat(List.of(first.intern("printer"), first.intern("jam"), first.intern("printer")))
                .containsExactly(0, 1, 0);
        Vocabulary second = new Vocabulary();
        assertThat(second.idOf("printer")).isEqualTo(-1);
        assertThat(second.intern("vpn")).isZero();
        assertThat(first.size()).isEqualTo(2);
    }

    @Test
    void oneTicketsFacts_evaluatedByTwoRuleSetsInTurn_matchEachByItsOwnWords() {
        // id 0 is "printer" in one set and "vpn" in the other, so bits computed for one set
        // and reused for the other would answer wrongly
        RuleSet hardware = compile(MatchMode.FIRST, rule("hw", "low",
                "{'field': 'title', 'op': 'contains_any_word', 'value': ['printer', 'toner']}"));
        RuleSet network = compile(MatchMode.FIRST, rule("net", "low",
                "{'field': 'title', 'op': 'contains_any_word',"
                        + " 'value': ['vpn', 'wifi', 'router']}"));
        Facts printer = Facts.of(aTicket().title("Printer out of toner").build(), CREATED);
        Facts vpn = Facts.of(aTicket().title("VPN drops").build(), CREATED);
        for (int round = 0; round < 2; round++) {
            assertThat(hardware.evaluate(printer, false).matches()).hasSize(1);
            assertThat(network.evaluate(printer, false).matches()).isEmpty();
            assertThat(network.evaluate(vpn, false).matches()).hasSize(1);
            assertThat(hardware.evaluate(vpn, false).matches()).isEmpty();
        }
    }
}
