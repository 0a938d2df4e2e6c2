package org.helpdesktriage.core.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesktriage.core.TestTickets.CREATED;
import static org.helpdesktriage.core.TestTickets.aTicket;
import static org.helpdesktriage.core.internal.rules.RuleFixtures.compile;
import static org.helpdesktriage.core.internal.rules.RuleFixtures.definition;
import static org.helpdesktriage.core.internal.rules.RuleFixtures.rule;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.model.Categories;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.rules.MatchMode;
import org.helpdesktriage.core.rules.RuleDefinition;
import org.junit.jupiter.api.Test;

class RuleSetTest {

    private static final String ALWAYS = "{'all': []}";
    private static final String BILLING =
            "{'field': 'category', 'op': 'equals', 'value': 'billing'}";

    private static RuleOutcome evaluate(RuleSet set, Ticket ticket, boolean explain) {
        return set.evaluate(Facts.of(ticket, CREATED), explain);
    }

    private static List<String> matchedIds(RuleOutcome outcome) {
        return outcome.matches().stream().map(RuleMatch::ruleId).collect(Collectors.toList());
    }

    private static RuleSet rootConfigRules() {
        Path root = Path.of("..", "config.json");
        assertThat(root).exists();
        TriageConfig config = ConfigLoader.load(Optional.of(root), Map.of(), Map.of());
        return RuleSet.compile(config.rules(), config.categories(), config.matchMode());
    }

    @Test
    void defaultRules_rootConfig_compileInPriorityOrder() {
        RuleSet set = rootConfigRules();
        assertThat(set.rules()).extracting(CompiledRule::id)
                .containsExactly("critical_billing", "account_lockout");
        assertThat(set.mode()).isEqualTo(MatchMode.FIRST);
    }

    @Test
    void defaultRules_billingPayment_routesToBillingTeamAsCritical() {
        Ticket t = aTicket().category("billing").description("My payment was declined").build();
        RuleMatch m = evaluate(rootConfigRules(), t, false).first().orElseThrow();
        assertThat(m.ruleId()).isEqualTo("critical_billing");
        assertThat(m.priority()).isEqualTo(Priority.CRITICAL);
        assertThat(m.targetCategory()).isEqualTo("billing");
        assertThat(m.assignTo()).isEqualTo("billing-team");
    }

    @Test
    void defaultRules_clockWidget_doesNotMatchLockout() {
        Ticket t = aTicket().title("Clock widget shows wrong time").build();
        assertThat(evaluate(rootConfigRules(), t, false).matches()).isEmpty();
    }

    @Test
    void defaultRules_lockedOut_matchesLockout() {
        Ticket t = aTicket().title("Locked out of my account").build();
        RuleMatch m = evaluate(rootConfigRules(), t, false).first().orElseThrow();
        assertThat(m.ruleId()).isEqualTo("account_lockout");
        assertThat(m.targetCategory()).isEqualTo("account");
        assertThat(m.assignTo()).isEqualTo("account-team");
        assertThat(m.priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void defaultRules_builtInDefaults_matchTheRootConfig() {
        TriageConfig config = TriageConfig.defaults();
        RuleSet set = RuleSet.compile(config.rules(), config.categories(), config.matchMode());
        Ticket both = aTicket().category("billing").title("Account locked")
                .description("payment failed").build();
        assertThat(matchedIds(evaluate(set, both, false))).containsExactly("critical_billing");
    }

    @Test
    void order_higherPriorityFirst_tiesInDefinitionOrder() {
        RuleSet set = compile(MatchMode.ALL, rule("a", "low", ALWAYS), rule("b", "high", ALWAYS),
                rule("c", "HIGH", ALWAYS), rule("d", "critical", ALWAYS));
        assertThat(set.rules()).extracting(CompiledRule::id).containsExactly("d", "b", "c", "a");
        assertThat(set.rules()).extracting(CompiledRule::position).containsExactly(3, 1, 2, 0);
    }

    @Test
    void firstMode_higherPriorityDefinedLater_wins() {
        RuleSet set = compile(MatchMode.FIRST, rule("low_one", "low", ALWAYS),
                rule("high_one", "high", ALWAYS));
        assertThat(matchedIds(evaluate(set, aTicket().build(), false)))
                .containsExactly("high_one");
    }

    @Test
    void firstMode_tie_definedFirstWins() {
        RuleSet set = compile(MatchMode.FIRST, rule("first", "medium", ALWAYS),
                rule("second", "medium", ALWAYS));
        assertThat(matchedIds(evaluate(set, aTicket().build(), false))).containsExactly("first");
    }

    @Test
    void firstMode_explain_reportsEveryRule() {
        RuleSet set = compile(MatchMode.FIRST, rule("first", "medium", ALWAYS),
                rule("second", "medium", ALWAYS), rule("third", "low", BILLING));
        RuleOutcome outcome = evaluate(set, aTicket().build(), true);
        assertThat(matchedIds(outcome)).containsExactly("first");
        assertThat(outcome.evaluations()).extracting(RuleDefinition.Evaluation::ruleId)
                .containsExactly("first", "second", "third");
        assertThat(outcome.evaluations()).extracting(RuleDefinition.Evaluation::matched)
                .containsExactly(true, true, false);
        assertThat(outcome.evaluations().get(1).detail())
                .startsWith("matched but not applied: rule 'first' matched first");
    }

    @Test
    void allMode_everyMatchInOrder() {
        RuleSet set = compile(MatchMode.ALL, rule("a", "low", ALWAYS), rule("b", "high", BILLING),
                rule("c", "critical", ALWAYS));
        assertThat(matchedIds(evaluate(set, aTicket().build(), false)))
                .containsExactly("c", "a");
    }

    @Test
    void allMode_stop_endsEvaluation() {
        RuleSet set = compile(MatchMode.ALL,
                rule("a", "critical", ALWAYS),
                definition("{'id': 'b', 'priority': 'high', 'condition': {'all': []}, "
                        + "'stop': true}"),
                rule("c", "low", ALWAYS));
        assertThat(matchedIds(evaluate(set, aTicket().build(), false)))
                .containsExactly("a", "b");
        RuleOutcome explained = evaluate(set, aTicket().build(), true);
        assertThat(matchedIds(explained)).containsExactly("a", "b");
        assertThat(explained.evaluations().get(2))
                .isEqualTo(new RuleDefinition.Evaluation("c", false, "not evaluated: stopped by rule 'b'"));
    }

    @Test
    void allMode_stopOnRuleThatDoesNotMatch_doesNotStop() {
        RuleSet set = compile(MatchMode.ALL,
                definition("{'id': 'b', 'priority': 'high', 'condition': " + BILLING
                        + ", 'stop': true}"),
                rule("c", "low", ALWAYS));
        assertThat(matchedIds(evaluate(set, aTicket().build(), false))).containsExactly("c");
    }

    @Test
    void match_carriesActions() {
        RuleSet set = compile(MatchMode.FIRST, definition("{'id': 'vip', 'priority': 'low', "
                + "'condition': {'all': []}, 'actions': {'category': ' Billing ', "
                + "'assign_to': 'vip-desk', 'priority': 'critical', "
                + "'allow_lower_priority': true, 'tags': ['vip']}}"));
        RuleMatch m = evaluate(set, aTicket().build(), false).first().orElseThrow();
        assertThat(m).isEqualTo(new RuleMatch("vip", "vip", Priority.CRITICAL, true, "billing",
                "vip-desk", List.of("vip"), false));
    }

    @Test
    void match_withoutActionPriority_usesRulePriority() {
        RuleSet set = compile(MatchMode.FIRST, definition("{'id': 'r', 'name': 'Some rule', "
                + "'priority': 'high', 'condition': {'all': []}}"));
        RuleMatch m = evaluate(set, aTicket().build(), false).first().orElseThrow();
        assertThat(m.priority()).isEqualTo(Priority.HIGH);
        assertThat(m.name()).isEqualTo("Some rule");
        assertThat(m.allowLowerPriority()).isFalse();
        assertThat(m.category()).isEmpty();
        assertThat(m.assignee()).isEmpty();
    }

    @Test
    void evaluate_fastPath_reusesOutcomesBuiltAtLoadTime() {
        RuleSet set = compile(MatchMode.FIRST, rule("b", "low", BILLING));
        Ticket billing = aTicket().category("billing").build();
        assertThat(evaluate(set, billing, false)).isSameAs(evaluate(set, billing, false));
        assertThat(evaluate(set, aTicket().build(), false))
                .isSameAs(evaluate(set, aTicket().build(), false));
    }

    @Test
    void empty_matchesNothing() {
        RuleOutcome outcome = evaluate(RuleSet.empty(), aTicket().build(), true);
        assertThat(outcome.matches()).isEmpty();
        assertThat(outcome.evaluations()).isEmpty();
        assertThat(RuleSet.empty().rules()).isEmpty();
    }

    @Test
    void evaluate_withoutExplain_hasNoEvaluations() {
        RuleSet set = compile(MatchMode.ALL, rule("a", "low", ALWAYS), rule("b", "low", BILLING));
        assertThat(evaluate(set, aTicket().build(), false).evaluations()).isEmpty();
    }

    @Test
    void runtimeError_isReportedAndCountsAsNoMatch() {
        Object exploding = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("boom");
            }
        };
        Ticket t = aTicket().metadata(Map.of("x", exploding)).build();
        RuleSet set = compile(MatchMode.FIRST,
                rule("explodes", "critical", "{'field': 'metadata.x', 'op': 'equals', "
                        + "'value': 'y'}"),
                rule("fine", "low", ALWAYS));
        for (boolean explain : new boolean[] {false, true}) {
            RuleOutcome outcome = evaluate(set, t, explain);
            assertThat(matchedIds(outcome)).containsExactly("fine");
            assertThat(outcome.errors()).containsExactly(new RuleDefinition.Evaluation("explodes", false,
                    "error: IllegalStateException: boom"));
        }
        assertThat(evaluate(set, t, true).evaluations()).extracting(RuleDefinition.Evaluation::ruleId)
                .containsExactly("explodes", "fine");
    }

    @Test
    void evaluate_inParallel_givesSameResultsAsSequential() {
        RuleSet set = rootConfigRules();
        List<Ticket> tickets = IntStream.range(0, 2000).mapToObj(i -> aTicket()
                .category(i % 3 == 0 ? "billing" : "general")
                .title(i % 2 == 0 ? "Locked out " + i : "Clock " + i)
                .description(i % 5 == 0 ? "payment due" : "other").build())
                .collect(Collectors.toList());
        List<List<String>> sequential = tickets.stream()
                .map(t -> matchedIds(evaluate(set, t, false))).collect(Collectors.toList());
        List<List<String>> parallel = tickets.parallelStream()
                .map(t -> matchedIds(evaluate(set, t, false))).collect(Collectors.toList());
        assertThat(parallel).isEqualTo(sequential);
        assertThat(sequential).contains(List.of("critical_billing"), List.of("account_lockout"),
                List.of());
    }

    @Test
    void docExamples_rulesReference_compile() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "rules.md"));
        Matcher block = Pattern.compile("```json\\n(\\{\\s*\"id\".*?)```", Pattern.DOTALL)
                .matcher(doc);
        ObjectMapper json = new ObjectMapper();
        List<RuleDefinition> rules = new ArrayList<>();
        while (block.find()) {
            rules.add(json.readValue(block.group(1), RuleDefinition.class));
        }
        assertThat(rules).hasSizeGreaterThanOrEqualTo(4);
        RuleSet set = RuleSet.compile(rules, Categories.defaults(), MatchMode.ALL);
        Ticket outage = aTicket().title("Site down").build();
        RuleOutcome outcome = set.evaluate(Facts.of(outage, CREATED.plusSeconds(5 * 3600)));
        assertThat(matchedIds(outcome)).containsExactly("stale_outage");
    }
}
