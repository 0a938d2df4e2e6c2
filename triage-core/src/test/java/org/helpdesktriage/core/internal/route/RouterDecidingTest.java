package org.helpdesktriage.core.internal.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.helpdesktriage.core.internal.rules.RuleMatch;
import org.helpdesktriage.core.internal.rules.RuleOutcome;
import org.helpdesktriage.core.model.Categories;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.route.ClassifierPolicy;
import org.helpdesktriage.core.route.Routing.ModelPrediction;
import org.junit.jupiter.api.Test;

/** Which matches decided a route: the ones whose set_impact, set_urgency and priority count. */
class RouterDecidingTest {

    private static final Ticket TICKET = Ticket.builder().ticketId("TKT-1").title("t")
            .description("d").requesterEmail("a@example.com").category("general")
            .priority(Priority.MEDIUM).createdAt(Instant.EPOCH).build();
    private static final RuleOutcome BOTH = new RuleOutcome(List.of(
            new RuleMatch("plain", "plain", Priority.HIGH, false, null, null, List.of(), false),
            new RuleMatch("vip", "vip", Priority.LOW, false, null, null, List.of(), false)),
            List.of(), List.of());

    private static List<String> deciding(Router router, RuleOutcome outcome,
            ModelPrediction prediction) {
        return router.deciding(outcome, router.route(TICKET, outcome, prediction).routing())
                .stream().map(RuleMatch::ruleId).toList();
    }

    private static Router router(ClassifierPolicy.Decision decision) {
        return new Router(Categories.defaults(), new ClassifierPolicy(Path.of("m.json"), 0.8,
                null, decision), Set.of("vip"));
    }

    @Test
    void withoutAPolicy_everyMatchDecides_andNoneWhenNothingMatched() {
        Router router = new Router(Categories.defaults());
        assertThat(deciding(router, BOTH, null)).containsExactly("plain", "vip");
        assertThat(deciding(router, new RuleOutcome(List.of(), List.of(), List.of()), null))
                .isEmpty();
    }

    @Test
    void underRulesOverride_onlyTheOverrideRulesDecide() {
        assertThat(deciding(router(ClassifierPolicy.Decision.RULES_OVERRIDE), BOTH, null))
                .containsExactly("vip");
    }

    @Test
    void whenTheModelDecides_noRuleDoes() {
        assertThat(deciding(router(ClassifierPolicy.Decision.MODEL_FIRST), BOTH,
                new ModelPrediction("bug", 0.95))).isEmpty();
    }
}
