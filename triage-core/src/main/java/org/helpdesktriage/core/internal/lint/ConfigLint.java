package org.helpdesktriage.core.internal.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.internal.rules.CompiledCondition;
import org.helpdesktriage.core.internal.rules.CompiledRule;
import org.helpdesktriage.core.internal.rules.Condition.FieldTest;
import org.helpdesktriage.core.internal.rules.Condition;
import org.helpdesktriage.core.internal.rules.Operator;
import org.helpdesktriage.core.internal.rules.RuleMatch;
import org.helpdesktriage.core.internal.rules.RuleSet;
import org.helpdesktriage.core.internal.text.TicketText;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.rules.MatchMode;
import org.helpdesktriage.core.sla.SlaPolicy;

/**
 * Finds what a reviewer of a configuration would miss, from the rules and SLA policies alone:
 * rules that can never be the first match, conditions that can never hold, catch-all rules that
 * raise the priority of every ticket, actions that a rule sets and an earlier rule always
 * decides instead, SLA policies that never apply, and keywords the tokeniser reads otherwise
 * than they are written.
 *
 * <pre>{@code
 * List<LintFinding> findings = ConfigLint.check(ConfigLoader.load(Path.of("config.json")));
 * }</pre>
 *
 * <p>Every finding is certain: a rule reported shadowed is shadowed for every ticket. What lint
 * cannot prove (two regular expressions that overlap, say) it does not report.
 */
public final class ConfigLint {

    private ConfigLint() {
    }

    /**
     * Returns the findings on a configuration that loaded, in rule order.
     *
     * @param config the configuration
     * @return the findings; empty when there is nothing to report
     */
    public static List<LintFinding> check(TriageConfig config) {
        Objects.requireNonNull(config, "config");
        RuleSet rules = RuleSet.compile(config.rules(), config.categories(), config.matchMode());
        List<CompiledRule> order = rules.rules();
        List<LintFinding> findings = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            CompiledRule rule = order.get(i);
            Condition c = rule.condition();
            if (Conditions.neverHolds(c)) {
                findings.add(new LintFinding("never-holds", List.of(rule.id()), "rule '"
                        + rule.id() + "' can never match: its condition (" + c + ") holds for "
                        + "no ticket"));
                continue;
            }
            catchAll(rule).ifPresent(findings::add);
            keywords(rule.id(), c, findings);
            for (int j = 0; j < i; j++) {
                CompiledRule earlier = order.get(j);
                if (Conditions.neverHolds(earlier.condition())
                        || !Conditions.implies(c, earlier.condition())) {
                    continue;
                }
                if (rules.mode() == MatchMode.FIRST || earlier.stop()) {
                    findings.add(new LintFinding("shadowed", List.of(rule.id(), earlier.id()),
                            "rule '" + rule.id() + "' can never be the first match: every "
                                    + "ticket it matches also matches '" + earlier.id()
                                    + "', which comes first"
                                    + (c.equals(earlier.condition()) ? " with the same condition"
                                            : "")
                                    + (rules.mode() == MatchMode.FIRST ? ""
                                            : " and stops the evaluation")
                                    + "; give it a lower order or narrow '" + earlier.id()
                                    + "'"));
                    break;
                }
                java.util.Optional<LintFinding> undone = undone(rule, earlier);
                if (undone.isPresent()) {
                    findings.add(undone.get());
                    break;
                }
            }
        }
        policies(config.sla().policies(), findings);
        return List.copyOf(findings);
    }

    // a rule for every ticket that raises every ticket's priority to high or critical
    private static java.util.Optional<LintFinding> catchAll(CompiledRule rule) {
        RuleMatch m = rule.match();
        if (Conditions.alwaysHolds(rule.condition()) && !m.allowLowerPriority()
                && m.priority().compareTo(Priority.HIGH) >= 0) {
            return java.util.Optional.of(new LintFinding("catch-all", List.of(rule.id()),
                    "rule '" + rule.id() + "' matches every ticket and raises each to "
                            + m.priority().id() + ": a catch-all belongs at low priority, "
                            + "last"));
        }
        return java.util.Optional.empty();
    }

    // in match mode all, the first match's category and team win
    private static java.util.Optional<LintFinding> undone(CompiledRule rule,
            CompiledRule earlier) {
        RuleMatch late = rule.match();
        RuleMatch first = earlier.match();
        for (String[] action : new String[][] {
            {"category", late.targetCategory(), first.targetCategory()},
            {"assign_to", late.assignTo(), first.assignTo()}}) {
            if (action[1] != null && action[2] != null && !action[1].equals(action[2])) {
                return java.util.Optional.of(new LintFinding("action-undone",
                        List.of(rule.id(), earlier.id()), "rule '" + rule.id() + "' sets "
                                + action[0] + " '" + action[1] + "', but every ticket it "
                                + "matches also matches '" + earlier.id() + "', which comes "
                                + "first and sets '" + action[2] + "'; its " + action[0]
                                + " never applies"));
            }
        }
        return java.util.Optional.empty();
    }

    private static void policies(List<SlaPolicy> policies, List<LintFinding> findings) {
        for (int i = 0; i < policies.size(); i++) {
            SlaPolicy policy = policies.get(i);
            Condition c = CompiledCondition.of(policy.condition()).condition();
            for (int j = 0; j < i; j++) {
                SlaPolicy earlier = policies.get(j);
                if (Conditions.implies(c, CompiledCondition.of(earlier.condition()).condition())) {
                    findings.add(new LintFinding("unreachable-sla-policy",
                            List.of(policy.id(), earlier.id()), "SLA policy '" + policy.id()
                                    + "' never applies by its condition: every ticket it "
                                    + "covers is covered by '" + earlier.id()
                                    + "', which comes first (a rule's sla action can still "
                                    + "name it)"));
                    break;
                }
            }
        }
    }

    // a keyword the tokeniser splits or strips is not the word the author wrote
    private static void keywords(String ruleId, Condition c, List<LintFinding> findings) {
        if (c instanceof Condition.All all) {
            all.conditions().forEach(x -> keywords(ruleId, x, findings));
        } else if (c instanceof Condition.Any any) {
            any.conditions().forEach(x -> keywords(ruleId, x, findings));
        } else if (c instanceof Condition.None none) {
            none.conditions().forEach(x -> keywords(ruleId, x, findings));
        } else if (c instanceof FieldTest t && (t.op() == Operator.CONTAINS_ANY_WORD
                || t.op() == Operator.CONTAINS_ALL_WORDS || t.op() == Operator.CONTAINS_PHRASE)) {
            for (String k : Conditions.strings(t.value())) {
                if (dropsCharacters(k)) {
                    String read = String.join(" ", TicketText.tokenize(k));
                    findings.add(new LintFinding("keyword-altered", List.of(ruleId), "rule '"
                            + ruleId + "': keyword '" + k + "' of " + t.fieldName() + " "
                            + t.op().id() + " is read as '" + read + "' (words are letters "
                            + "and digits), so it also matches tickets that say '" + read
                            + "' alone"));
                }
            }
        }
    }

    // a character that is neither a letter, a digit nor a space, and does not join two words
    // ("e-mail", "node.js" read the same in tickets), is dropped: "c++" is "c", ".net" is "net"
    private static boolean dropsCharacters(String keyword) {
        String k = keyword.strip();
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (Character.isLetterOrDigit(c) || Character.isWhitespace(c)
                    || Character.isSurrogate(c)) {
                continue;
            }
            boolean joins = i > 0 && i < k.length() - 1
                    && Character.isLetterOrDigit(k.charAt(i - 1))
                    && Character.isLetterOrDigit(k.charAt(i + 1));
            if (!joins) {
                return true;
            }
        }
        return false;
    }
}
