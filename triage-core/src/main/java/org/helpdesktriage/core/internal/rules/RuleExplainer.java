package org.helpdesktriage.core.internal.rules;

import java.util.ArrayList;
import java.util.List;
import org.helpdesktriage.core.rules.MatchMode;
import org.helpdesktriage.core.rules.RuleDefinition;

/** The explaining path of {@link RuleSet#evaluate}: every rule is evaluated and reported. */
final class RuleExplainer {

    private RuleExplainer() {
    }

    static RuleOutcome explain(CompiledRule[] order, MatchMode mode, Facts facts) {
        List<RuleMatch> matches = new ArrayList<>();
        List<RuleDefinition.Evaluation> evaluations = new ArrayList<>(order.length);
        List<RuleDefinition.Evaluation> errors = new ArrayList<>();
        String stoppedBy = null;
        for (CompiledRule rule : order) {
            if (stoppedBy != null) {
                evaluations.add(new RuleDefinition.Evaluation(rule.id(), false,
                        "not evaluated: stopped by rule '" + stoppedBy + "'"));
                continue;
            }
            Node.Trace trace;
            try {
                trace = rule.explain(facts);
            } catch (RuntimeException e) {
                RuleDefinition.Evaluation error = error(rule, e);
                errors.add(error);
                evaluations.add(error);
                continue;
            }
            if (!trace.held()) {
                evaluations.add(new RuleDefinition.Evaluation(rule.id(), false, trace.text()));
            } else if (mode == MatchMode.FIRST && !matches.isEmpty()) {
                evaluations.add(new RuleDefinition.Evaluation(rule.id(), true,
                        "matched but not applied:"
                        + " rule '" + matches.get(0).ruleId() + "' matched first (match mode"
                        + " first): " + trace.text()));
            } else {
                matches.add(rule.match());
                evaluations.add(new RuleDefinition.Evaluation(rule.id(), true,
                        "matched: " + trace.text()));
                if (mode == MatchMode.ALL && rule.stop()) {
                    stoppedBy = rule.id();
                }
            }
        }
        return new RuleOutcome(matches, evaluations, errors);
    }

    /** Returns the report of a rule that threw while evaluating. */
    static RuleDefinition.Evaluation error(CompiledRule rule, RuntimeException e) {
        return new RuleDefinition.Evaluation(rule.id(), false,
                "error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
}
