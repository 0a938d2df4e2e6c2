package org.helpdesktriage.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.classify.ClassifierModel;
import org.helpdesktriage.core.internal.classify.TextClassifier;
import org.helpdesktriage.core.internal.rules.Facts;
import org.helpdesktriage.core.internal.rules.RuleMatch;
import org.helpdesktriage.core.internal.rules.RuleOutcome;
import org.helpdesktriage.core.internal.rules.RuleSet;
import org.helpdesktriage.core.route.ClassifierPolicy;
import org.helpdesktriage.core.rules.MatchMode;
import org.helpdesktriage.core.rules.RuleDefinition;

/**
 * How the classifier meets the rules in {@link TriageEngine}: the model is loaded and its labels
 * checked against the configured categories, and under {@code rules_override} the override rules
 * decide even where an ordinary rule matched first (match mode first) or stopped the rules
 * (match mode all). Immutable.
 */
final class ClassifierRules {

    private final Set<String> overrideIds;
    private final RuleSet overrideRules;

    ClassifierRules(TriageConfig config) {
        this.overrideIds = overrideIds(config);
        this.overrideRules = overrideIds.isEmpty() || config.classifierPolicy()
                .filter(p -> p.decision() == ClassifierPolicy.Decision.RULES_OVERRIDE)
                .isEmpty() ? null
                : RuleSet.compile(config.rules().stream()
                        .filter(r -> Boolean.TRUE.equals(r.override())).toList(),
                        config.categories(), MatchMode.FIRST);
    }

    /**
     * Returns the classifier given, else the model the configuration's classifier policy names,
     * else null; a model that predicts categories the configuration does not have could not be
     * routed and fails the build.
     */
    static TextClassifier classifier(TextClassifier given, TriageConfig config) {
        TextClassifier classifier = given != null ? given
                : config.classifierPolicy().map(p -> ClassifierModel.load(p.model())).orElse(null);
        if (classifier == null) {
            return null;
        }
        List<String> unknown = classifier.labels().stream()
                .filter(l -> !config.categories().contains(l)).toList();
        if (!unknown.isEmpty()) {
            throw new TriageException(ErrorCode.CONFIG_INVALID, "the classifier predicts "
                    + unknown + ", which are not configured categories "
                    + config.categories().names() + "; train with --label-map or add them");
        }
        return classifier;
    }

    /** Returns the ids of the rules marked {@code override}. */
    Set<String> overrideIds() {
        return overrideIds;
    }

    /** Returns the outcome with a matching override rule first, unless one already matched. */
    RuleOutcome withOverride(RuleOutcome outcome, Facts facts) {
        if (overrideRules == null) {
            return outcome;
        }
        for (RuleMatch m : outcome.matches()) {
            if (overrideRules.rule(m.ruleId()).isPresent()) {
                return outcome;
            }
        }
        RuleOutcome override = overrideRules.evaluate(facts, false);
        if (override.matches().isEmpty()) {
            return outcome;
        }
        List<RuleMatch> matches = new ArrayList<>(override.matches());
        matches.addAll(outcome.matches());
        return new RuleOutcome(matches, outcome.evaluations(), outcome.errors());
    }

    private static Set<String> overrideIds(TriageConfig config) {
        Set<String> ids = new HashSet<>();
        for (RuleDefinition r : config.rules()) {
            if (r != null && Boolean.TRUE.equals(r.override()) && r.id() != null) {
                ids.add(r.id().trim());
            }
        }
        return Set.copyOf(ids);
    }
}
