package org.helpdesktriage.core.internal.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.model.Priority;

/**
 * A rule that matched a ticket, with what it asks for.
 *
 * @param ruleId the rule's id
 * @param name the rule's name
 * @param priority the priority the rule applies (its action's, else its own)
 * @param allowLowerPriority whether the rule may lower the ticket's priority
 * @param targetCategory the category to move the ticket to, or {@code null}
 * @param assignTo the team to assign, or {@code null}
 * @param tags tags to add
 * @param stop whether the rule stops further rules in match mode {@code all}
 * @param slaPolicy the id of the SLA policy the rule applies, or {@code null}
 */
public record RuleMatch(String ruleId, String name, Priority priority, boolean allowLowerPriority,
        String targetCategory, String assignTo, List<String> tags, boolean stop,
        String slaPolicy) {

    /** Checks the values and copies the tags. */
    public RuleMatch {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(priority, "priority");
        tags = List.copyOf(tags);
    }

    /** Creates a match that leaves the SLA policy to the policies' conditions. */
    public RuleMatch(String ruleId, String name, Priority priority, boolean allowLowerPriority,
            String targetCategory, String assignTo, List<String> tags, boolean stop) {
        this(ruleId, name, priority, allowLowerPriority, targetCategory, assignTo, tags, stop,
                null);
    }

    /** Returns the SLA policy the rule applies, or empty when the policies' conditions decide. */
    public Optional<String> sla() {
        return Optional.ofNullable(slaPolicy);
    }

    /** Returns the target category, or empty when the rule keeps the ticket's. */
    public Optional<String> category() {
        return Optional.ofNullable(targetCategory);
    }

    /** Returns the assignee, or empty when the rule leaves it to the category's team. */
    public Optional<String> assignee() {
        return Optional.ofNullable(assignTo);
    }
}
