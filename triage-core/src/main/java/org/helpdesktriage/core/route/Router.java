package org.helpdesktriage.core.route;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.helpdesktriage.core.classify.Prediction;
import org.helpdesktriage.core.model.Categories;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.rules.RuleMatch;
import org.helpdesktriage.core.rules.RuleOutcome;

/**
 * Turns the rules' matches for a ticket into its {@link Routing} and tags.
 *
 * <p>With no match the ticket takes its category's default team, keeps its priority and
 * category, and the confidence is 0.5. With matches (in rule order, the deciding one first):
 * <ul>
 *   <li>category: the first match's target category that names one, else the ticket's;</li>
 *   <li>team: the first match's assignee that names one, else the default team of the routed
 *       category;</li>
 *   <li>priority: the highest of the ticket's own and the matches' priorities, so a rule never
 *       lowers it; a rule with {@code allow_lower_priority} replaces the ticket's own priority
 *       (the first such rule), and higher priorities from other matches still apply;</li>
 *   <li>tags: the ticket's, then each match's, without duplicates;</li>
 *   <li>rule_matched: the first match's id; confidence 1.0.</li>
 * </ul>
 *
 * <p>With a classifier and no match: the predicted category and its team when the confidence
 * reaches the policy's minimum (confidence = the model's); otherwise the review team when the
 * policy names one, else the default route.
 */
public final class Router {

    static final double RULE_CONFIDENCE = 1.0;
    static final double DEFAULT_CONFIDENCE = 0.5;

    private final Categories categories;
    private final ClassifierPolicy policy;

    /** Creates a router over the configured categories, for rules only. */
    public Router(Categories categories) {
        this(categories, null);
    }

    /** Creates a router that also follows a classifier policy ({@code null}: rules only). */
    public Router(Categories categories, ClassifierPolicy policy) {
        this.categories = Objects.requireNonNull(categories, "categories");
        this.policy = policy;
    }

    /**
     * The routing of a ticket and the tags it ends up with.
     *
     * @param routing the routing
     * @param tags the ticket's tags after the rules' tags are added
     */
    public record Decision(Routing routing, List<String> tags) {
    }

    /** Returns the routing of {@code ticket} given what the rules made of it. */
    public Decision route(Ticket ticket, RuleOutcome outcome) {
        return route(ticket, outcome, null);
    }

    /**
     * Returns the routing of {@code ticket} given what the rules and the classifier made of it.
     *
     * @param prediction the classifier's prediction, or {@code null} without a classifier
     */
    public Decision route(Ticket ticket, RuleOutcome outcome, Prediction prediction) {
        List<RuleMatch> matches = outcome.matches();
        if (matches.isEmpty()) {
            return new Decision(withoutRule(ticket, prediction), ticket.tags());
        }
        String category = null;
        String team = null;
        Priority base = ticket.priority();
        boolean baseReplaced = false;
        Priority raised = Priority.LOW;
        List<String> ids = new ArrayList<>(matches.size());
        Set<String> tags = new LinkedHashSet<>(ticket.tags());
        for (RuleMatch m : matches) {
            ids.add(m.ruleId());
            if (category == null) {
                category = m.targetCategory();
            }
            if (team == null) {
                team = m.assignTo();
            }
            if (m.allowLowerPriority() && !baseReplaced) {
                base = m.priority();
                baseReplaced = true;
            } else if (!m.allowLowerPriority()) {
                raised = Priority.max(raised, m.priority());
            }
            tags.addAll(m.tags());
        }
        String finalCategory = category == null ? ticket.category() : category;
        String finalTeam = team == null ? teamOf(finalCategory) : team;
        Routing routing = new Routing(finalTeam, Priority.max(base, raised), finalCategory,
                matches.get(0).ruleId(), RULE_CONFIDENCE, ids, Routing.Decider.RULE,
                prediction);
        return new Decision(routing, List.copyOf(tags));
    }

    private Routing withoutRule(Ticket ticket, Prediction prediction) {
        if (prediction != null && policy != null) {
            if (prediction.confidence() >= policy.minConfidence()) {
                return new Routing(teamOf(prediction.label()), ticket.priority(),
                        prediction.label(), null, prediction.confidence(), List.of(),
                        Routing.Decider.MODEL, prediction);
            }
            if (policy.reviewTeam() != null) {
                return new Routing(policy.reviewTeam(), ticket.priority(), ticket.category(),
                        null, DEFAULT_CONFIDENCE, List.of(), Routing.Decider.REVIEW, prediction);
            }
        }
        return new Routing(teamOf(ticket.category()), ticket.priority(), ticket.category(), null,
                DEFAULT_CONFIDENCE, List.of(), Routing.Decider.DEFAULT, prediction);
    }

    private String teamOf(String category) {
        return categories.teamOf(category)
                .orElseGet(() -> categories.teamOf(categories.fallback()).orElseThrow());
    }
}
