package org.helpdesktriage.core.internal.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.model.Categories;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.rules.MatchMode;
import org.helpdesktriage.core.rules.RuleDefinition;

/**
 * The rules of a configuration, compiled once and evaluated against one ticket at a time.
 *
 * <p>Rules run in order of their {@code order} (lowest first; a rule without one counts as 0),
 * then of their priority, highest first, then in the order the configuration defines them
 * (its {@code rules}, then each rule file's in turn), so a rule set without any {@code order}
 * runs by priority and position as it always did. In {@link MatchMode#FIRST} the first rule that matches is the only match; in
 * {@link MatchMode#ALL} every matching rule applies, until a matching rule with {@code stop}.
 * A rule that throws while evaluating counts as not matching and is reported in
 * {@link RuleOutcome#errors()}; it never stops the batch.
 *
 * <pre>{@code
 * TriageConfig config = TriageConfig.defaults();
 * RuleSet rules = RuleSet.compile(config.rules(), config.categories(), config.matchMode());
 * RuleOutcome outcome = rules.evaluate(Facts.of(ticket, clock.instant()), false);
 * outcome.first().ifPresent(m -> System.out.println(m.ruleId()));
 * }</pre>
 *
 * <p>A rule set is immutable and safe to share between threads; {@link Facts} is per ticket.
 */
public final class RuleSet {

    private static final RuleOutcome NO_MATCH = new RuleOutcome(List.of(), List.of(), List.of());
    private static final RuleSet EMPTY = new RuleSet(List.of(), MatchMode.FIRST);
    private static final String LEVELS = "(critical, high, medium, low)";

    private final List<CompiledRule> rules;
    private final CompiledRule[] order;
    private final MatchMode mode;

    private RuleSet(List<CompiledRule> rules, MatchMode mode) {
        this.rules = List.copyOf(rules);
        this.order = rules.toArray(new CompiledRule[0]);
        this.mode = mode;
    }

    /** Returns a rule set without rules: nothing ever matches. */
    public static RuleSet empty() {
        return EMPTY;
    }

    /**
     * Checks and compiles rule definitions.
     *
     * @param rules the definitions, in configuration order
     * @param categories the configured categories, which action categories must name
     * @param mode whether the first match applies, or every one
     * @return the compiled rules, in evaluation order
     * @throws TriageException with {@link ErrorCode#CONFIG_INVALID} naming the rule, the field
     *     and the problem, for the first invalid definition
     */
    public static RuleSet compile(List<RuleDefinition> rules, Categories categories,
            MatchMode mode) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(mode, "mode");
        List<CompiledRule> compiled = new ArrayList<>(rules.size());
        Map<String, Integer> seen = new HashMap<>();
        // this rule set's own word ids: compiling another rule set never grows it
        Vocabulary vocabulary = new Vocabulary();
        for (int i = 0; i < rules.size(); i++) {
            RuleDefinition def = rules.get(i);
            int number = i + 1;
            if (def == null) {
                throw invalid("rule #" + number + " is empty");
            }
            if (def.id() == null || def.id().isBlank()) {
                throw invalid("rule #" + number + " has no id");
            }
            String id = def.id().trim();
            Integer previous = seen.putIfAbsent(id, number);
            if (previous != null) {
                throw invalid("duplicate rule id '" + id + "' (rules #" + previous + " and #"
                        + number + ")");
            }
            compiled.add(compileRule(def, id, i, categories, vocabulary));
        }
        compiled.sort(Comparator.comparingInt(CompiledRule::order)
                .thenComparing(Comparator.comparing(CompiledRule::priority).reversed())
                .thenComparingInt(CompiledRule::position));
        return new RuleSet(compiled, mode);
    }

    private static CompiledRule compileRule(RuleDefinition def, String id, int position,
            Categories categories, Vocabulary vocabulary) {
        String prefix = "rule '" + id + "': ";
        if (def.priority() == null) {
            throw invalid(prefix + "priority is missing; use one of " + LEVELS);
        }
        Priority priority = Priority.parse(def.priority()).orElseThrow(() -> invalid(prefix
                + "priority '" + def.priority() + "' is not a priority level " + LEVELS));
        if (def.condition() == null || def.condition().isNull() || def.condition().isMissingNode()) {
            throw invalid(prefix + "condition is missing");
        }
        Node condition = ConditionParser.parse(def.condition(), id, categories, vocabulary);
        RuleDefinition.Actions actions = def.actions();
        String category = null;
        if (actions.category() != null) {
            category = actions.category().trim().toLowerCase(Locale.ROOT);
            if (!categories.contains(category)) {
                throw invalid(prefix + "action category '" + actions.category()
                        + "' is not a configured category (configured: "
                        + String.join(", ", categories.names()) + ")");
            }
        }
        String assignTo = null;
        if (actions.assignTo() != null) {
            if (actions.assignTo().isBlank()) {
                throw invalid(prefix + "action assign_to is blank");
            }
            assignTo = actions.assignTo().trim();
        }
        Priority applied = priority;
        if (actions.priority() != null) {
            applied = Priority.parse(actions.priority()).orElseThrow(() -> invalid(prefix
                    + "action priority '" + actions.priority() + "' is not a priority level "
                    + LEVELS));
        }
        for (String tag : actions.tags()) {
            if (tag.isBlank()) {
                throw invalid(prefix + "action tags has a blank tag");
            }
        }
        java.util.Set<String> skills = new java.util.HashSet<>();
        for (String skill : actions.requireSkills()) {
            if (skill.isBlank()) {
                throw invalid(prefix + "action require_skills has a blank skill");
            }
            if (!skills.add(skill.strip().toLowerCase(Locale.ROOT))) {
                throw invalid(prefix + "action require_skills names '" + skill.strip()
                        + "' twice");
            }
        }
        String sla = null;
        if (actions.sla() != null) {
            if (actions.sla().isBlank()) {
                throw invalid(prefix + "action sla is blank; name an SLA policy");
            }
            sla = actions.sla().trim();
        }
        String name = def.name() == null || def.name().isBlank() ? id : def.name().trim();
        RuleMatch match = new RuleMatch(id, name, applied, actions.allowLowerPriority(),
                category, assignTo, actions.tags(), def.stop(), sla);
        return new CompiledRule(position, def.orderOrZero(), priority, condition, match);
    }

    /** Returns the rules in evaluation order. */
    public List<CompiledRule> rules() {
        return rules;
    }

    /** Returns the rule with {@code id}, or empty. */
    public Optional<CompiledRule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Returns the match mode. */
    public MatchMode mode() {
        return mode;
    }

    /** Returns whether there are no rules. */
    public boolean isEmpty() {
        return order.length == 0;
    }

    /** Returns the rules' verdict on a ticket, without explanations. */
    public RuleOutcome evaluate(Facts facts) {
        return evaluate(facts, false);
    }

    /**
     * Returns the rules' verdict on a ticket.
     *
     * @param facts the ticket and its context
     * @param explain whether to evaluate every rule and say why each matched or not; without it,
     *     match mode first stops at the first match and no explanation is built
     * @return the matches, explanations (when asked) and errors
     */
    public RuleOutcome evaluate(Facts facts, boolean explain) {
        Objects.requireNonNull(facts, "facts");
        return explain ? RuleExplainer.explain(order, mode, facts) : fast(facts);
    }

    private RuleOutcome fast(Facts facts) {
        List<RuleMatch> matches = null;
        List<RuleDefinition.Evaluation> errors = null;
        for (CompiledRule rule : order) {
            boolean matched;
            try {
                matched = rule.matches(facts);
            } catch (RuntimeException e) {
                if (errors == null) {
                    errors = new ArrayList<>(2);
                }
                errors.add(RuleExplainer.error(rule, e));
                continue;
            }
            if (!matched) {
                continue;
            }
            if (mode == MatchMode.FIRST && errors == null) {
                return rule.onlyMatch();
            }
            if (matches == null) {
                matches = new ArrayList<>(4);
            }
            matches.add(rule.match());
            if (mode == MatchMode.FIRST || rule.stop()) {
                break;
            }
        }
        if (matches == null && errors == null) {
            return NO_MATCH;
        }
        return new RuleOutcome(matches == null ? List.of() : matches, List.of(),
                errors == null ? List.of() : errors);
    }

    private static TriageException invalid(String message) {
        return new TriageException(ErrorCode.CONFIG_INVALID, message);
    }

    @Override
    public String toString() {
        return "RuleSet(" + mode.id() + ") " + rules;
    }
}
