package org.helpdesktriage.core.internal.rules;

import java.util.List;
import java.util.Objects;
import org.helpdesktriage.core.model.Priority;

/**
 * A rule checked and compiled at load time: its condition is a tree of prepared tests, and the
 * {@link RuleMatch} it yields is built once and shared by every ticket it matches. Immutable and
 * safe to share between threads.
 */
public final class CompiledRule {

    private final int position;
    private final int order;
    private final Priority priority;
    private final Node condition;
    private final RuleMatch match;
    private final RuleOutcome onlyMatch;

    CompiledRule(int position, int order, Priority priority, Node condition, RuleMatch match) {
        this.position = position;
        this.order = order;
        this.priority = Objects.requireNonNull(priority, "priority");
        this.condition = Objects.requireNonNull(condition, "condition");
        this.match = Objects.requireNonNull(match, "match");
        this.onlyMatch = new RuleOutcome(List.of(match), List.of(), List.of());
    }

    /** Returns the rule's id. */
    public String id() {
        return match.ruleId();
    }

    /** Returns the rule's name (its id when the configuration names none). */
    public String name() {
        return match.name();
    }

    /** Returns the rule's explicit order (0 without one), which orders the rules first. */
    public int order() {
        return order;
    }

    /** Returns the rule's own priority, which orders rules of the same {@code order}. */
    public Priority priority() {
        return priority;
    }

    /** Returns the rule's position in the configuration, from 0. */
    public int position() {
        return position;
    }

    /** Returns the checked condition. */
    public Condition condition() {
        return condition.condition();
    }

    /** Returns whether a match stops further rules in match mode {@code all}. */
    public boolean stop() {
        return match.stop();
    }

    /** Returns what the rule yields when it matches. */
    public RuleMatch match() {
        return match;
    }

    /**
     * Returns whether the rule's condition holds for {@code facts}.
     *
     * @throws RuntimeException when a test fails on unexpected data; {@link RuleSet} reports it
     */
    public boolean matches(Facts facts) {
        return condition.test(facts);
    }

    /** Returns the explained result; for {@link RuleSet}. */
    Node.Trace explain(Facts facts) {
        return condition.explain(facts);
    }

    /** Returns the outcome where this rule is the only match, built once. */
    RuleOutcome onlyMatch() {
        return onlyMatch;
    }

    @Override
    public String toString() {
        return "rule '" + id() + "' (" + priority + "): " + condition();
    }
}
