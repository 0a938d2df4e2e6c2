package org.helpdesktriage.core.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * A rule as declared in configuration, before it is compiled.
 *
 * <p>In {@code config.json}:
 * <pre>{@code
 * {"id": "account_lockout", "name": "Account lockout", "priority": "high",
 *  "condition": {"any": [
 *      {"field": "text", "op": "contains_any_word", "value": ["lock", "locked", "lockout"]}]},
 *  "actions": {"category": "account", "assign_to": "account-team"}}
 * }</pre>
 *
 * @param id unique id, reported as {@code rule_matched}
 * @param name human-readable name
 * @param priority the rule's priority level (critical, high, medium, low): orders the rules and,
 *     unless the actions name another, is the priority the rule applies
 * @param condition the condition tree, as JSON
 * @param actions what the rule does when it matches
 * @param stop in match mode {@code all}, whether a match stops further rules
 * @param override whether a match decides the route over a trained model under the
 *     classifier policy {@code rules_override} (without it the model decides there)
 * @param order the rule's place in evaluation order, lower first, independent of its priority;
 *     {@code null} counts as 0, so rules without one keep the (priority, position) order
 */
@JsonPropertyOrder({"id", "name", "priority", "order", "condition", "actions", "stop",
    "override"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleDefinition(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("priority") String priority,
        @JsonProperty("condition") JsonNode condition,
        @JsonProperty("actions") Actions actions,
        @JsonProperty("stop") Boolean stop,
        @JsonProperty("override") Boolean override,
        @JsonProperty("order") Integer order) {

    /** Defaults the optional parts. */
    public RuleDefinition {
        actions = actions == null ? Actions.NONE : actions;
        stop = stop != null && stop;
        override = override != null && override;
    }

    /** Creates a rule without an explicit order. */
    public RuleDefinition(String id, String name, String priority, JsonNode condition,
            Actions actions, Boolean stop, Boolean override) {
        this(id, name, priority, condition, actions, stop, override, null);
    }

    /** Creates a rule that does not override a trained model, without an explicit order. */
    public RuleDefinition(String id, String name, String priority, JsonNode condition,
            Actions actions, Boolean stop) {
        this(id, name, priority, condition, actions, stop, false, null);
    }

    /** Returns the rule's order: its {@code order}, or 0 without one. */
    public int orderOrZero() {
        return order == null ? 0 : order;
    }

    /**
     * What a matching rule does.
     *
     * @param category the target category, or {@code null}
     * @param assignTo the team to assign, or {@code null} for the target category's team
     * @param priority the priority to apply, or {@code null} for the rule's own priority; an
     *     explicit priority outranks the {@code priority_matrix}
     * @param allowLowerPriority whether the rule may lower a ticket's priority (never by default)
     * @param tags tags to add
     * @param sla the id of the SLA policy to apply instead of the first whose condition holds,
     *     or {@code null}
     * @param setImpact the impact level (of the {@code priority_matrix}) the ticket gets in
     *     place of its own, or {@code null}
     * @param setUrgency the urgency level (of the {@code priority_matrix}) the ticket gets in
     *     place of its own, or {@code null}
     * @param requireSkills the skills an agent needs to take the ticket (non-blank, no two
     *     alike); empty for none. Read and checked, not yet used by assignment
     */
    @JsonPropertyOrder({"category", "assign_to", "priority", "allow_lower_priority", "tags",
        "sla", "set_impact", "set_urgency", "require_skills"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Actions(
            @JsonProperty("category") String category,
            @JsonProperty("assign_to") String assignTo,
            @JsonProperty("priority") String priority,
            @JsonProperty("allow_lower_priority") Boolean allowLowerPriority,
            @JsonProperty("tags") List<String> tags,
            @JsonProperty("sla") String sla,
            @JsonProperty("set_impact") String setImpact,
            @JsonProperty("set_urgency") String setUrgency,
            // left out when empty, so rules without it keep their canonical JSON (fingerprint)
            @JsonProperty("require_skills") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<String> requireSkills) {

        /** No actions at all. */
        public static final Actions NONE = new Actions(null, null, null, false, List.of());

        /** Defaults the optional parts and copies the tags and skills. */
        public Actions {
            allowLowerPriority = allowLowerPriority != null && allowLowerPriority;
            tags = tags == null ? List.of() : List.copyOf(tags);
            tags.forEach(t -> Objects.requireNonNull(t, "tag"));
            requireSkills = requireSkills == null ? List.of() : List.copyOf(requireSkills);
        }

        /** Creates actions that set no impact, urgency nor skills. */
        public Actions(String category, String assignTo, String priority,
                Boolean allowLowerPriority, List<String> tags, String sla) {
            this(category, assignTo, priority, allowLowerPriority, tags, sla, null, null, null);
        }

        /** Creates actions that leave the SLA policy to the policies' conditions. */
        public Actions(String category, String assignTo, String priority,
                Boolean allowLowerPriority, List<String> tags) {
            this(category, assignTo, priority, allowLowerPriority, tags, null);
        }
    }

    /**
     * How one rule fared on one ticket, for explanations.
     *
     * @param ruleId the rule's id
     * @param matched whether the rule matched
     * @param detail for a match, the conditions that held; for a miss, the condition that failed
     *     and the value it saw ({@code "title contains_any_word [lock, locked] was false: no such
     *     word"}); for a rule that failed, the error; for a rule not reached, why
     */
    public record Evaluation(String ruleId, boolean matched, String detail) {

        /** Checks the values. */
        public Evaluation {
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
