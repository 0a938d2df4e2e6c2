package org.helpdesktriage.core.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.helpdesktriage.core.internal.rules.RuleFixtures.compile;
import static org.helpdesktriage.core.internal.rules.RuleFixtures.definition;
import static org.helpdesktriage.core.internal.rules.RuleFixtures.rule;

import org.assertj.core.api.AbstractThrowableAssert;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.rules.MatchMode;
import org.helpdesktriage.core.rules.RuleDefinition;
import org.junit.jupiter.api.Test;

class RuleCompileErrorsTest {

    private static final String OK = "{'all': []}";

    private static AbstractThrowableAssert<?, ? extends Throwable> compiling(
            RuleDefinition... rules) {
        return assertThatThrownBy(() -> compile(MatchMode.FIRST, rules))
                .isInstanceOf(TriageException.class)
                .satisfies(e -> assertThat(((TriageException) e).code())
                        .isEqualTo(ErrorCode.CONFIG_INVALID));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> condition(String condition) {
        return compiling(rule("x", "low", condition));
    }

    @Test
    void unknownField_namesRuleFieldAndKnownFields() {
        compiling(rule("account_lockout", "high", "{'any': [{'field': 'titel', "
                + "'op': 'contains_any_word', 'value': ['lock']}]}"))
                .hasMessageContaining("rule 'account_lockout': condition field 'titel' is not a"
                        + " known field (known: title, description, text, category")
                .hasMessageContaining("(at condition.any[0])");
    }

    @Test
    void operatorNotApplicable_namesOperatorAndField() {
        condition("{'all': [{'field': 'title', 'op': 'greater_than', 'value': 3}]}")
                .hasMessageContaining("rule 'x': operator 'greater_than' does not apply to field"
                        + " 'title'")
                .hasMessageContaining("condition.all[0]");
    }

    @Test
    void unknownOperator_isReported() {
        condition("{'field': 'title', 'op': 'containz', 'value': 'a'}")
                .hasMessageContaining("rule 'x': operator 'containz' is not known");
    }

    @Test
    void missingOpOrValue_isReported() {
        condition("{'field': 'title', 'value': 'a'}").hasMessageContaining("needs 'op'");
        condition("{'field': 'title', 'op': 'equals'}").hasMessageContaining("needs a 'value'");
    }

    @Test
    void inWithoutList_isReported() {
        condition("{'field': 'category', 'op': 'in', 'value': 'billing'}")
                .hasMessageContaining("rule 'x': value of 'in' must be a list of strings");
        condition("{'field': 'category', 'op': 'in', 'value': ['billing', 3]}")
                .hasMessageContaining("value of 'in' must be a list of strings");
    }

    @Test
    void wrongValueTypes_areReported() {
        condition("{'field': 'title', 'op': 'contains_any_word', 'value': 3}")
                .hasMessageContaining("value of 'contains_any_word' must be a string or a list");
        condition("{'field': 'title', 'op': 'contains_any_word', 'value': []}")
                .hasMessageContaining("non-empty list");
        condition("{'field': 'title', 'op': 'contains_any_word', 'value': ['--']}")
                .hasMessageContaining("has a keyword with no word in it");
        condition("{'field': 'title', 'op': 'contains_phrase', 'value': ['a']}")
                .hasMessageContaining("value of 'contains_phrase' must be a string");
        condition("{'field': 'age_hours', 'op': 'greater_than', 'value': '24'}")
                .hasMessageContaining("value of 'greater_than' must be a number for field"
                        + " 'age_hours'");
        condition("{'field': 'title', 'op': 'equals', 'value': 3}")
                .hasMessageContaining("value of 'equals' must be a string for field 'title'");
    }

    @Test
    void invalidRegex_namesPatternAndReason() {
        condition("{'field': 'title', 'op': 'matches', 'value': '('}")
                .hasMessageContaining("rule 'x': invalid regex '(': missing closing )");
    }

    @Test
    void lookbehindRegex_isReportedAsLookbehind_notAsANamedCapture() {
        condition("{'field': 'title', 'op': 'matches', 'value': '(?<=re)fund'}")
                .hasMessageContaining("invalid regex '(?<=re)fund': lookbehind '(?<=...)' is "
                        + "not supported")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage())
                        .doesNotContain("named capture"));
    }

    @Test
    void unknownPriorityInCondition_isReported() {
        condition("{'field': 'priority', 'op': 'greater_than', 'value': 'urgentish'}")
                .hasMessageContaining("rule 'x': priority 'urgentish' is not a priority level");
        condition("{'field': 'priority', 'op': 'in', 'value': ['high', 'urgentish']}")
                .hasMessageContaining("priority 'urgentish' is not a priority level");
    }

    @Test
    void unknownCategoryOrStatusInCondition_isReported() {
        condition("{'field': 'category', 'op': 'equals', 'value': 'billign'}")
                .hasMessageContaining("'billign' is not a configured category");
        condition("{'field': 'status', 'op': 'in', 'value': ['new', 'done']}")
                .hasMessageContaining("'done' is not a status");
    }

    @Test
    void rulePriority_invalidOrMissing_isReported() {
        compiling(rule("x", "urgentish", OK))
                .hasMessageContaining("rule 'x': priority 'urgentish' is not a priority level");
        compiling(rule("x", null, OK)).hasMessageContaining("rule 'x': priority is missing");
    }

    @Test
    void actionPriority_invalid_isReported() {
        compiling(definition("{'id': 'x', 'priority': 'low', 'condition': {'all': []}, "
                + "'actions': {'priority': 'asap'}}"))
                .hasMessageContaining("rule 'x': action priority 'asap' is not a priority level");
    }

    @Test
    void actionCategory_unknown_isReported() {
        compiling(definition("{'id': 'x', 'priority': 'low', 'condition': {'all': []}, "
                + "'actions': {'category': 'foo'}}"))
                .hasMessageContaining("rule 'x': action category 'foo' is not a configured"
                        + " category");
    }

    @Test
    void actionAssignTo_blank_isReported() {
        compiling(definition("{'id': 'x', 'priority': 'low', 'condition': {'all': []}, "
                + "'actions': {'assign_to': ' '}}"))
                .hasMessageContaining("rule 'x': action assign_to is blank");
    }

    @Test
    void duplicateId_isReported() {
        compiling(rule("x", "low", OK), rule("y", "low", OK), rule("x", "high", OK))
                .hasMessageContaining("duplicate rule id 'x' (rules #1 and #3)");
    }

    @Test
    void missingOrBlankId_namesThePosition() {
        compiling(rule("a", "low", OK), rule("b", "low", OK), rule(null, "low", OK))
                .hasMessageContaining("rule #3 has no id");
        compiling(rule(" ", "low", OK)).hasMessageContaining("rule #1 has no id");
    }

    @Test
    void missingCondition_isReported() {
        compiling(new RuleDefinition("x", null, "low", null, null, null))
                .hasMessageContaining("rule 'x': condition is missing");
    }

    @Test
    void unknownConditionKey_isReported() {
        condition("{'any': [{'fields': 'title', 'op': 'equals', 'value': 'a'}]}")
                .hasMessageContaining("rule 'x': unknown condition key 'fields'")
                .hasMessageContaining("(at condition.any[0])");
    }

    @Test
    void groupAndFieldTogether_isReported() {
        condition("{'all': [], 'field': 'title', 'op': 'equals', 'value': 'a'}")
                .hasMessageContaining("rule 'x': a condition has both a group ('all') and a field"
                        + " test");
    }

    @Test
    void twoGroupsInOneObject_isReported() {
        condition("{'all': [], 'any': []}").hasMessageContaining("more than one group");
    }

    @Test
    void malformedConditions_areReported() {
        condition("{}").hasMessageContaining("a condition needs 'all', 'any', 'none' or 'field'");
        condition("{'all': {'field': 'title'}}")
                .hasMessageContaining("'all' must be a list of conditions (at condition.all)");
        condition("{'any': [3]}").hasMessageContaining("a condition must be an object")
                .hasMessageContaining("condition.any[0]");
        condition("{'field': 3, 'op': 'equals', 'value': 'a'}")
                .hasMessageContaining("a field test needs 'field'");
    }
}
