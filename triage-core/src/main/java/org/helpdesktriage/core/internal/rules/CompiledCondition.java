package org.helpdesktriage.core.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.model.Categories;
import org.helpdesktriage.core.rules.CheckedCondition;

/**
 * A condition of the rule language compiled on its own, for parts of the configuration that
 * select tickets the way rules do (SLA policies): the same fields, operators and groups, checked
 * and compiled once, immutable and safe to share between threads.
 *
 * <pre>{@code
 * CompiledCondition high = CompiledCondition.compile(json, "sla policy 'high'",
 *         "sla.policies[1].condition", config.categories());
 * boolean holds = high.test(Facts.of(ticket, clock.instant()));
 * }</pre>
 */
public final class CompiledCondition implements CheckedCondition {

    private final Node node;
    private final JsonNode json;

    private CompiledCondition(Node node, JsonNode json) {
        this.node = node;
        this.json = json;
    }

    /**
     * Checks and compiles a condition.
     *
     * @param json the condition as JSON, e.g. {@code {"all": []}}, which always holds
     * @param subject what the condition belongs to, the start of every error message
     * @param path where the condition sits in the configuration, for error messages
     * @param categories the configured categories, which category tests must name
     * @return the compiled condition
     * @throws TriageException with {@link ErrorCode#CONFIG_INVALID} naming the subject, the
     *     problem and the path of the bad part
     */
    public static CompiledCondition compile(JsonNode json, String subject, String path,
            Categories categories) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(categories, "categories");
        if (json == null || json.isNull() || json.isMissingNode()) {
            throw new TriageException(ErrorCode.CONFIG_INVALID, subject + ": condition is"
                    + " missing; {\"all\": []} holds for every ticket (at " + path + ")");
        }
        return new CompiledCondition(ConditionParser.parse(json, subject, path, categories),
                json.deepCopy());
    }

    /**
     * Returns {@code condition} as compiled: the loader makes every checked condition, through
     * {@link #compile}.
     *
     * @throws IllegalArgumentException when {@code condition} was made elsewhere
     */
    public static CompiledCondition of(CheckedCondition condition) {
        Objects.requireNonNull(condition, "condition");
        if (condition instanceof CompiledCondition c) {
            return c;
        }
        throw new IllegalArgumentException("condition " + condition + " is a "
                + condition.getClass().getName() + ", not one the configuration loader checked");
    }

    /**
     * Returns the first of {@code items} whose condition holds for {@code facts}; a condition
     * that throws on unexpected data counts as not holding, as a rule's does.
     */
    public static <T> Optional<T> firstHolding(List<T> items,
            Function<T, CheckedCondition> condition, Facts facts) {
        Objects.requireNonNull(facts, "facts");
        for (T item : items) {
            try {
                if (of(condition.apply(item)).test(facts)) {
                    return Optional.of(item);
                }
            } catch (RuntimeException e) {
                // as in RuleSet: a test failing on odd data is a non-match, never a stop
            }
        }
        return Optional.empty();
    }

    /**
     * Returns whether the condition holds for {@code facts}.
     *
     * @throws RuntimeException when a test fails on unexpected data, as a rule's would
     */
    public boolean test(Facts facts) {
        return node.test(Objects.requireNonNull(facts, "facts"));
    }

    /** Returns a copy of the JSON the condition was compiled from. */
    @Override
    public JsonNode json() {
        return json.deepCopy();
    }

    /** Returns the checked condition, whose {@code toString()} is its concise form. */
    public Condition condition() {
        return node.condition();
    }

    @Override
    public String toString() {
        return node.condition().toString();
    }
}
