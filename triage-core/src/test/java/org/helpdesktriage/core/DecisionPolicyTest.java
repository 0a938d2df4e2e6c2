package org.helpdesktriage.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.internal.classify.ClassifierTrainer;
import org.helpdesktriage.core.internal.classify.LabelledText;
import org.helpdesktriage.core.internal.classify.TextClassifier;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.route.ClassifierPolicy.Decision;
import org.helpdesktriage.core.route.ClassifierPolicy;
import org.helpdesktriage.core.route.Routing;
import org.helpdesktriage.core.rules.MatchMode;
import org.helpdesktriage.core.rules.RuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The three decision policies on planted tickets: an ordinary rule ('ledger' to billing, high
 * priority) and an override rule ('vip' to account, low priority) against a real model that
 * reads crash words as bug.
 */
class DecisionPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[][] WORDS = {
        {"billing", "invoice refund payment charge card receipt"},
        {"bug", "crash stack trace exception broken button error"},
        {"feature", "please add support option wish would like new"}};
    private static TextClassifier model;

    @BeforeAll
    static void train() {
        List<LabelledText> data = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            String[] w = WORDS[i % 3][1].split(" ");
            data.add(new LabelledText(w[i % w.length] + " " + w[(i + 2) % w.length],
                    w[(i + 3) % w.length] + " " + w[(i + 5) % w.length] + " ticket " + i,
                    WORDS[i % 3][0]));
        }
        model = ClassifierTrainer.builder().seed(42).threads(1).build().train(data);
    }

    private static RuleDefinition rule(String id, String priority, String word, String category,
            boolean override) {
        try {
            JsonNode condition = JSON.readTree("{\"field\": \"text\", \"op\": "
                    + "\"contains_any_word\", \"value\": [\"" + word + "\"]}");
            return new RuleDefinition(id, null, priority, condition,
                    new RuleDefinition.Actions(category, null, null, null, List.of()), false,
                    override);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TriageEngine engine(Decision decision, String reviewTeam) {
        TriageConfig config = TriageConfig.defaults()
                .withRules(List.of(rule("ledger", "high", "ledger", "billing", false),
                        rule("vip", "low", "vip", "account", true)))
                .withMatchMode(MatchMode.FIRST)
                .withClassifier(new ClassifierPolicy(Path.of("model.json"), 0.9, reviewTeam,
                        decision));
        return TriageEngine.builder().config(config).classifier(model)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    private static TriageResult triage(Decision decision, String text) {
        return engine(decision, "manual-review").triage(Ticket.builder().ticketId("TKT-1")
                .title(text).description(text).requesterEmail("ann@example.com")
                .category("technical").priority(Priority.MEDIUM).createdAt(NOW).build());
    }

    @ParameterizedTest(name = "{0}: {1} -> {2} by {3}")
    @CsvSource({
        // an ordinary rule against a confident model
        "RULES_FIRST,    crash stack trace exception ledger,     billing, RULE",
        "MODEL_FIRST,    crash stack trace exception ledger,     bug,     MODEL",
        "RULES_OVERRIDE, crash stack trace exception ledger,     bug,     MODEL",
        // an override rule against a confident model
        "RULES_FIRST,    crash stack trace exception vip,        account, RULE",
        "MODEL_FIRST,    crash stack trace exception vip,        bug,     MODEL",
        "RULES_OVERRIDE, crash stack trace exception vip,        account, RULE",
        // both rules match; in match mode first the ordinary one (high) comes first
        "RULES_FIRST,    crash stack trace ledger vip,           billing, RULE",
        "RULES_OVERRIDE, crash stack trace ledger vip,           account, RULE",
        // no confident model: rules decide under model_first, nobody under rules_override
        "MODEL_FIRST,    ledger hello there,                     billing, RULE",
        "RULES_OVERRIDE, ledger hello there,                     technical, REVIEW"})
    void policy_plantedTicket_isRoutedByWhatThePolicySays(Decision decision, String text,
            String category, Routing.Decider decider) {
        TriageResult r = triage(decision, text);
        assertThat(r.routing().decidedBy()).isEqualTo(decider);
        assertThat(r.routing().category()).isEqualTo(category);
    }

    @Test
    void model_decision_noteSaysTheModelRoutedItWithItsConfidence() {
        TriageResult r = triage(Decision.MODEL_FIRST, "crash stack trace exception ledger");
        assertThat(r.notes()).singleElement().asString().isEqualTo(String.format(
                java.util.Locale.ROOT, "routed by the model, confidence %.2f; rules [ledger] "
                        + "matched but do not decide under model_first",
                r.routing().confidence()));
        assertThat(r.routing().confidence()).isGreaterThan(0.9);
    }

    @Test
    void review_keepsTheTicketsOwnCategory_andSaysWhy() {
        TriageResult r = triage(Decision.RULES_FIRST, "hello there");
        assertThat(r.routing().decidedBy()).isEqualTo(Routing.Decider.REVIEW);
        assertThat(r.routing().assignedTo()).isEqualTo("manual-review");
        assertThat(r.routing().category()).isEqualTo("technical");
        assertThat(r.notes()).singleElement().asString()
                .startsWith("sent to review team 'manual-review' with its own category "
                        + "'technical': no rule matched and the model's '")
                .contains("below min_confidence 0.90");
    }

    @Test
    void rule_decision_underRulesOverride_saysItOverridesTheModel() {
        TriageResult r = triage(Decision.RULES_OVERRIDE, "crash stack trace exception vip");
        assertThat(r.notes()).containsExactly("routed by rule 'vip', which overrides the model");
        assertThat(r.routing().ruleMatched()).isEqualTo("vip");
    }
}
