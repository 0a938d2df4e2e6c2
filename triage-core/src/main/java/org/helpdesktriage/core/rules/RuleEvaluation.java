package org.helpdesktriage.core.rules;

import java.util.Objects;

/**
 * How one rule fared on one ticket, for explanations.
 *
 * @param ruleId the rule's id
 * @param matched whether the rule matched
 * @param detail for a match, the conditions that held; for a miss, the condition that failed
 *     and the value it saw ({@code "title contains_any_word [lock, locked] was false: no such
 *     word"}); for a rule that failed, the error; for a rule not reached, why
 */
public record RuleEvaluation(String ruleId, boolean matched, String detail) {

    /** Checks the values. */
    public RuleEvaluation {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(detail, "detail");
    }
}
