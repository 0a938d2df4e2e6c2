package org.helpdesktriage.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.model.Priority;

/**
 * Where a ticket goes: its team, priority and category, and what decided them.
 *
 * @param assignedTo the team the ticket is assigned to
 * @param priority the ticket's priority after routing
 * @param category the ticket's category after routing
 * @param ruleMatched the id of the deciding rule, or {@code null} when no rule matched
 * @param confidence 1.0 when a rule decided, 0.5 for the default route
 * @param rulesMatched every matching rule's id, in rule order (one at most in match mode first)
 */
public record Routing(String assignedTo, Priority priority, String category, String ruleMatched,
        double confidence, List<String> rulesMatched) {

    /** Checks the values and copies the list. */
    public Routing {
        Objects.requireNonNull(assignedTo, "assignedTo");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(category, "category");
        rulesMatched = List.copyOf(rulesMatched);
    }

    /** Returns the deciding rule's id, or empty when the default route applied. */
    public Optional<String> rule() {
        return Optional.ofNullable(ruleMatched);
    }
}
