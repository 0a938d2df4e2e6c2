package org.helpdesktriage.core.internal.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.helpdesktriage.core.internal.rules.RuleMatch;
import org.helpdesktriage.core.internal.rules.RuleOutcome;
import org.helpdesktriage.core.model.Categories;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.route.Routing.ModelPrediction;
import org.helpdesktriage.core.route.Routing;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Router router = new Router(Categories.defaults());

    private static Ticket ticket(String category, Priority priority) {
        return Ticket.builder().ticketId("TKT-1").title("t").description("d")
                .requesterEmail("a@example.com").category(category).priority(priority)
                .tags(List.of("vip")).createdAt(Instant.EPOCH).build();
    }

    private static RuleMatch match(String id, Priority p, boolean allowLower, String category,
            String team, String... tags) {
        return new RuleMatch(id, id, p, allowLower, category, team, List.of(tags), false);
    }

    private static RuleOutcome outcome(RuleMatch... matches) {
        return new RuleOutcome(List.of(matches), List.of(), List.of());
    }

    @Test
    void route_noRule_takesCategoryTeamWithConfidenceHalf() {
        Router.Decision d = router.route(ticket("bug", Priority.LOW), outcome());
        assertThat(d.routing().assignedTo()).isEqualTo("engineering-team");
        assertThat(d.routing().priority()).isEqualTo(Priority.LOW);
        assertThat(d.routing().ruleMatched()).isNull();
        assertThat(d.routing().confidence()).isEqualTo(0.5);
    }

    @Test
    void route_ruleWithTargetCategoryButNoAssignee_fallsBackToTargetCategoryTeam() {
        Router.Decision d = router.route(ticket("general", Priority.MEDIUM),
                outcome(match("r1", Priority.HIGH, false, "account", null)));
        assertThat(d.routing().category()).isEqualTo("account");
        assertThat(d.routing().assignedTo()).isEqualTo("account-team");
        assertThat(d.routing().ruleMatched()).isEqualTo("r1");
        assertThat(d.routing().confidence()).isEqualTo(1.0);
    }

    @Test
    void route_ruleWithoutTargetCategory_usesTicketCategoryTeam() {
        Router.Decision d = router.route(ticket("billing", Priority.MEDIUM),
                outcome(match("r1", Priority.MEDIUM, false, null, null)));
        assertThat(d.routing().category()).isEqualTo("billing");
        assertThat(d.routing().assignedTo()).isEqualTo("billing-team");
    }

    @Test
    void route_ruleNeverLowersPriority() {
        Router.Decision d = router.route(ticket("general", Priority.CRITICAL),
                outcome(match("r1", Priority.LOW, false, null, "x-team")));
        assertThat(d.routing().priority()).isEqualTo(Priority.CRITICAL);
        assertThat(d.routing().assignedTo()).isEqualTo("x-team");
    }

    @Test
    void route_ruleAllowedToLower_lowersPriority() {
        Router.Decision d = router.route(ticket("general", Priority.CRITICAL),
                outcome(match("r1", Priority.LOW, true, null, null)));
        assertThat(d.routing().priority()).isEqualTo(Priority.LOW);
    }

    @Test
    void route_severalMatches_firstDecidesCategoryAndTeamAndPriorityIsHighest() {
        Router.Decision d = router.route(ticket("general", Priority.LOW), outcome(
                match("r1", Priority.MEDIUM, false, null, null, "a"),
                match("r2", Priority.HIGH, false, "bug", "qa-team", "b", "vip"),
                match("r3", Priority.LOW, false, "billing", "billing-team")));
        assertThat(d.routing().category()).isEqualTo("bug");
        assertThat(d.routing().assignedTo()).isEqualTo("qa-team");
        assertThat(d.routing().priority()).isEqualTo(Priority.HIGH);
        assertThat(d.routing().ruleMatched()).isEqualTo("r1");
        assertThat(d.routing().rulesMatched()).containsExactly("r1", "r2", "r3");
        assertThat(d.tags()).containsExactly("vip", "a", "b");
    }

    private static final org.helpdesktriage.core.route.ClassifierPolicy POLICY =
            new org.helpdesktriage.core.route.ClassifierPolicy(java.nio.file.Path.of("m.json"),
                    0.8, null);

    private static ModelPrediction predict(String label, double p) {
        return new ModelPrediction(label, p);
    }

    @Test
    void route_ruleBeatsAConfidentModel() {
        Router withModel = new Router(Categories.defaults(), POLICY);
        Router.Decision d = withModel.route(ticket("general", Priority.LOW),
                outcome(match("r1", Priority.HIGH, false, "account", null)),
                predict("billing", 0.99));
        assertThat(d.routing().category()).isEqualTo("account");
        assertThat(d.routing().decidedBy()).isEqualTo(Routing.Decider.RULE);
        assertThat(d.routing().prediction().label()).isEqualTo("billing");
    }

    @Test
    void route_noRuleAndConfidentModel_takesThePredictedCategory() {
        Router withModel = new Router(Categories.defaults(), POLICY);
        Router.Decision d = withModel.route(ticket("general", Priority.LOW), outcome(),
                predict("billing", 0.8));
        assertThat(d.routing().category()).isEqualTo("billing");
        assertThat(d.routing().assignedTo()).isEqualTo("billing-team");
        assertThat(d.routing().decidedBy()).isEqualTo(Routing.Decider.MODEL);
        assertThat(d.routing().confidence()).isEqualTo(0.8);
        assertThat(d.routing().ruleMatched()).isNull();
    }

    @Test
    void route_lowConfidence_fallsToTheDefaultRoute() {
        Router withModel = new Router(Categories.defaults(), POLICY);
        Router.Decision d = withModel.route(ticket("general", Priority.LOW), outcome(),
                predict("billing", 0.79));
        assertThat(d.routing().category()).isEqualTo("general");
        assertThat(d.routing().assignedTo()).isEqualTo("support-team");
        assertThat(d.routing().decidedBy()).isEqualTo(Routing.Decider.DEFAULT);
        assertThat(d.routing().confidence()).isEqualTo(0.5);
    }

    @Test
    void route_lowConfidenceWithReviewTeam_goesToReview() {
        Router withReview = new Router(Categories.defaults(),
                new org.helpdesktriage.core.route.ClassifierPolicy(
                        java.nio.file.Path.of("m.json"), 0.8, "manual-review"));
        Router.Decision d = withReview.route(ticket("bug", Priority.LOW), outcome(),
                predict("billing", 0.3));
        assertThat(d.routing().assignedTo()).isEqualTo("manual-review");
        assertThat(d.routing().category()).isEqualTo("bug");
        assertThat(d.routing().decidedBy()).isEqualTo(Routing.Decider.REVIEW);
    }
}
