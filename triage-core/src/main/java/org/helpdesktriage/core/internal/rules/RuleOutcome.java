package org.helpdesktriage.core.internal.rules;

import java.util.List;
import java.util.Optional;
import org.helpdesktriage.core.rules.RuleDefinition;

/**
 * What the rules made of one ticket.
 *
 * @param matches the rules that apply, in rule order (at most one in match mode first)
 * @param evaluations every rule's evaluation, in rule order; empty unless asked for
 * @param errors rules that threw while evaluating, counted as not matching
 */
public record RuleOutcome(List<RuleMatch> matches, List<RuleDefinition.Evaluation> evaluations,
        List<RuleDefinition.Evaluation> errors) {

    /** Copies the lists. */
    public RuleOutcome {
        matches = List.copyOf(matches);
        evaluations = List.copyOf(evaluations);
        errors = List.copyOf(errors);
    }

    /** Returns the first (deciding) match, or empty when no rule matched. */
    public Optional<RuleMatch> first() {
        return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(0));
    }
}
