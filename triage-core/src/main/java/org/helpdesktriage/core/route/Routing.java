package org.helpdesktriage.core.route;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.assign.Assignment;
import org.helpdesktriage.core.model.Priority;

/**
 * Where a ticket goes: its team, priority and category, and what decided them.
 *
 * @param assignedTo the team the ticket is assigned to
 * @param priority the ticket's priority after routing
 * @param category the ticket's category after routing
 * @param ruleMatched the id of the deciding rule, or {@code null} when no rule matched
 * @param confidence 1.0 when a rule decided, the model's confidence when it decided, else 0.5
 * @param rulesMatched every matching rule's id, in rule order (one at most in match mode first)
 * @param decidedBy what decided the route
 * @param prediction the classifier's prediction when one is configured, else {@code null}
 * @param assignment who in the team takes the ticket, when the configuration has agents; else
 *     {@code null}. The engine leaves it {@code null}: the storing step assigns, since it needs
 *     the agents' loads
 */
public record Routing(String assignedTo, Priority priority, String category, String ruleMatched,
        double confidence, List<String> rulesMatched, Decider decidedBy,
        ModelPrediction prediction, Assignment assignment) {

    /** What decided a route. */
    public enum Decider {
        /** A rule matched. */
        RULE,
        /** No rule matched; the classifier's prediction was confident enough. */
        MODEL,
        /** No rule matched and the classifier was not confident: the review team. */
        REVIEW,
        /** No rule matched (and no confident prediction): the category's default team. */
        DEFAULT;

        /** Returns the lower-case name written in results. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Checks the values and copies the list. */
    public Routing {
        Objects.requireNonNull(assignedTo, "assignedTo");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(category, "category");
        rulesMatched = List.copyOf(rulesMatched);
        Objects.requireNonNull(decidedBy, "decidedBy");
    }

    /** Creates a routing without an assignment to a person. */
    public Routing(String assignedTo, Priority priority, String category, String ruleMatched,
            double confidence, List<String> rulesMatched, Decider decidedBy,
            ModelPrediction prediction) {
        this(assignedTo, priority, category, ruleMatched, confidence, rulesMatched, decidedBy,
                prediction, null);
    }

    /** Returns a copy with {@code value} as the assignment to a person. */
    public Routing withAssignment(Assignment value) {
        return new Routing(assignedTo, priority, category, ruleMatched, confidence, rulesMatched,
                decidedBy, prediction, Objects.requireNonNull(value, "assignment"));
    }

    /** Returns the assignment to a person, or empty when the configuration has no agents. */
    public Optional<Assignment> personAssignment() {
        return Optional.ofNullable(assignment);
    }

    /** Returns the classifier's prediction, or empty without a classifier. */
    public Optional<ModelPrediction> modelPrediction() {
        return Optional.ofNullable(prediction);
    }

    /** Returns the deciding rule's id, or empty when the default route applied. */
    public Optional<String> rule() {
        return Optional.ofNullable(ruleMatched);
    }

    /**
     * What a classifier said about a ticket, as routing uses it: the most probable category and its
     * calibrated probability. Routing owns this type, so it depends on no classifier; the engine
     * hands the classifier's answer over in this form.
     *
     * @param label the most probable category
     * @param confidence the calibrated probability of {@code label}, in [0, 1]
     */
    public record ModelPrediction(String label, double confidence) {

        /** Checks the arguments. */
        public ModelPrediction {
            Objects.requireNonNull(label, "label");
            if (!(confidence >= 0.0 && confidence <= 1.0)) {
                throw new IllegalArgumentException("confidence " + confidence
                        + " is not in [0, 1]");
            }
        }
    }
}
