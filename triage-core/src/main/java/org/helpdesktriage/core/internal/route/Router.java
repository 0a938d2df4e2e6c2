package org.helpdesktriage.core.internal.route;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.helpdesktriage.core.internal.rules.RuleMatch;
import org.helpdesktriage.core.internal.rules.RuleOutcome;
import org.helpdesktriage.core.model.Categories;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.route.ClassifierPolicy;
import org.helpdesktriage.core.route.Routing.ModelPrediction;
import org.helpdesktriage.core.route.Routing;

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
 * <p>With a classifier policy, its {@link ClassifierPolicy.Decision} says who decides:
 * <ul>
 *   <li>{@code rules_first}: the rules' matches as above; with none, the model's predicted
 *       category and its team when the confidence reaches the policy's minimum;</li>
 *   <li>{@code model_first}: the model when its confidence reaches the minimum; otherwise the
 *       rules' matches;</li>
 *   <li>{@code rules_override}: the matches of rules marked {@code override}; otherwise the
 *       model when its confidence reaches the minimum; other rules do not route.</li>
 * </ul>
 * When the model decides, the confidence is the model's and the ticket keeps its priority and
 * tags. When neither decides: the review team when the policy names one, else the default
 * route; both keep the ticket's own category. With a policy every decision adds a note that
 * says what decided and why ("routed by the model, confidence 0.93").
 */
public final class Router {

    static final double RULE_CONFIDENCE = 1.0;
    static final double DEFAULT_CONFIDENCE = 0.5;

    private final Categories categories;
    private final ClassifierPolicy policy;
    private final Set<String> overrides;

    /** Creates a router over the configured categories, for rules only. */
    public Router(Categories categories) {
        this(categories, null);
    }

    /** Creates a router that also follows a classifier policy ({@code null}: rules only). */
    public Router(Categories categories, ClassifierPolicy policy) {
        this(categories, policy, Set.of());
    }

    /**
     * Creates a router that follows a classifier policy ({@code null}: rules only).
     *
     * @param overrides the ids of the rules marked {@code override}
     */
    public Router(Categories categories, ClassifierPolicy policy, Set<String> overrides) {
        this.categories = Objects.requireNonNull(categories, "categories");
        this.policy = policy;
        this.overrides = Set.copyOf(overrides);
    }

    /**
     * The routing of a ticket, the tags it ends up with, and what the routing adds to the
     * result's notes.
     *
     * @param routing the routing
     * @param tags the ticket's tags after the rules' tags are added
     * @param notes what decided and why; empty without a classifier policy
     */
    public record Decision(Routing routing, List<String> tags, List<String> notes) {

        /** Copies the lists. */
        public Decision {
            tags = List.copyOf(tags);
            notes = List.copyOf(notes);
        }

        /** Creates a decision without notes. */
        public Decision(Routing routing, List<String> tags) {
            this(routing, tags, List.of());
        }
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
    public Decision route(Ticket ticket, RuleOutcome outcome, ModelPrediction prediction) {
        List<RuleMatch> matches = outcome.matches();
        if (policy == null) {
            return matches.isEmpty() ? fallback(ticket, prediction, matches)
                    : byRules(ticket, matches, matches, prediction);
        }
        boolean confident = prediction != null
                && prediction.confidence() >= policy.minConfidence();
        switch (policy.decision()) {
            case MODEL_FIRST:
                if (confident) {
                    return byModel(ticket, prediction, matches);
                }
                return matches.isEmpty() ? fallback(ticket, prediction, matches)
                        : byRules(ticket, matches, matches, prediction);
            case RULES_OVERRIDE:
                List<RuleMatch> overriding = matches.stream()
                        .filter(m -> overrides.contains(m.ruleId())).toList();
                if (!overriding.isEmpty()) {
                    return byRules(ticket, overriding, matches, prediction);
                }
                return confident ? byModel(ticket, prediction, matches)
                        : fallback(ticket, prediction, matches);
            default:
                if (!matches.isEmpty()) {
                    return byRules(ticket, matches, matches, prediction);
                }
                return confident ? byModel(ticket, prediction, matches)
                        : fallback(ticket, prediction, matches);
        }
    }

    /**
     * Returns the matches that decided {@code routing} (as {@link #route} made it from
     * {@code outcome}), in rule order: none when no rule decided, the override rules' under
     * {@code rules_override}, else every match.
     */
    public List<RuleMatch> deciding(RuleOutcome outcome, Routing routing) {
        if (routing.decidedBy() != Routing.Decider.RULE) {
            return List.of();
        }
        if (policy != null && policy.decision() == ClassifierPolicy.Decision.RULES_OVERRIDE) {
            return outcome.matches().stream().filter(m -> overrides.contains(m.ruleId()))
                    .toList();
        }
        return outcome.matches();
    }

    private Decision byRules(Ticket ticket, List<RuleMatch> deciding, List<RuleMatch> all,
            ModelPrediction prediction) {
        String category = null;
        String team = null;
        Priority base = ticket.priority();
        boolean baseReplaced = false;
        Priority raised = Priority.LOW;
        Set<String> tags = new LinkedHashSet<>(ticket.tags());
        for (RuleMatch m : deciding) {
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
        String rule = deciding.get(0).ruleId();
        Routing routing = new Routing(finalTeam, Priority.max(base, raised), finalCategory,
                rule, RULE_CONFIDENCE, ids(all), Routing.Decider.RULE, prediction);
        List<String> notes = List.of();
        if (policy != null) {
            String why = switch (policy.decision()) {
                case MODEL_FIRST -> prediction == null ? "" : ": " + belowMinimum(prediction);
                case RULES_OVERRIDE -> ", which overrides the model";
                default -> "";
            };
            notes = List.of("routed by rule '" + rule + "'" + why);
        }
        return new Decision(routing, List.copyOf(tags), notes);
    }

    private Decision byModel(Ticket ticket, ModelPrediction prediction,
            List<RuleMatch> matches) {
        Routing routing = new Routing(teamOf(prediction.label()), ticket.priority(),
                prediction.label(), null, prediction.confidence(), ids(matches),
                Routing.Decider.MODEL, prediction);
        String note = String.format(Locale.ROOT, "routed by the model, confidence %.2f",
                prediction.confidence());
        if (!matches.isEmpty()) {
            note += "; rules " + ids(matches) + " matched but do not decide under "
                    + policy.decision().id();
        }
        return new Decision(routing, ticket.tags(), List.of(note));
    }

    private Decision fallback(Ticket ticket, ModelPrediction prediction,
            List<RuleMatch> matches) {
        List<String> ids = ids(matches);
        if (policy == null) {
            return new Decision(new Routing(teamOf(ticket.category()), ticket.priority(),
                    ticket.category(), null, DEFAULT_CONFIDENCE, ids, Routing.Decider.DEFAULT,
                    prediction), ticket.tags());
        }
        String why = (matches.isEmpty() ? "no rule matched"
                : "rules " + ids + " do not decide under " + policy.decision().id())
                + (prediction == null ? "" : " and " + belowMinimum(prediction));
        if (policy.reviewTeam() != null) {
            Routing routing = new Routing(policy.reviewTeam(), ticket.priority(),
                    ticket.category(), null, DEFAULT_CONFIDENCE, ids, Routing.Decider.REVIEW,
                    prediction);
            return new Decision(routing, ticket.tags(), List.of("sent to review team '"
                    + policy.reviewTeam() + "' with its own category '" + ticket.category()
                    + "': " + why));
        }
        Routing routing = new Routing(teamOf(ticket.category()), ticket.priority(),
                ticket.category(), null, DEFAULT_CONFIDENCE, ids, Routing.Decider.DEFAULT,
                prediction);
        return new Decision(routing, ticket.tags(), List.of("default route of its own "
                + "category '" + ticket.category() + "': " + why));
    }

    private String belowMinimum(ModelPrediction p) {
        return String.format(Locale.ROOT, "the model's '%s' has confidence %.2f, below "
                + "min_confidence %.2f", p.label(), p.confidence(), policy.minConfidence());
    }

    private static List<String> ids(List<RuleMatch> matches) {
        List<String> ids = new ArrayList<>(matches.size());
        for (RuleMatch m : matches) {
            ids.add(m.ruleId());
        }
        return ids;
    }

    private String teamOf(String category) {
        return categories.teamOf(category)
                .orElseGet(() -> categories.teamOf(categories.fallback()).orElseThrow());
    }
}
