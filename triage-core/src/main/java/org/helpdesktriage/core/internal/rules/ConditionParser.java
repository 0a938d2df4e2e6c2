package org.helpdesktriage.core.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.model.Categories;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;

/**
 * Turns a rule's JSON condition into a checked {@link Condition} and its compiled {@link Node}.
 * Every problem is a {@link TriageException} ({@link ErrorCode#CONFIG_INVALID}) naming the rule,
 * the problem and the JSON path of the condition node.
 */
final class ConditionParser {

    private static final Set<String> GROUPS = Set.of("all", "any", "none");
    private static final Set<String> TEST_KEYS = Set.of("field", "op", "value");

    private final String subject;
    private final Categories categories;
    private final Vocabulary vocabulary;

    private ConditionParser(String subject, Categories categories, Vocabulary vocabulary) {
        this.subject = subject;
        this.categories = categories;
        this.vocabulary = vocabulary;
    }

    /**
     * Parses and compiles the condition of rule {@code ruleId}; its keywords get ids in
     * {@code vocabulary}, the one of the rule set being compiled.
     */
    static Node parse(JsonNode json, String ruleId, Categories categories,
            Vocabulary vocabulary) {
        return new ConditionParser("rule '" + ruleId + "'", categories, vocabulary)
                .node(json, "condition");
    }

    /**
     * Parses and compiles a condition that belongs to something other than a rule, with a
     * vocabulary of its own; errors begin with {@code subject} and give paths from {@code path}.
     */
    static Node parse(JsonNode json, String subject, String path, Categories categories) {
        return new ConditionParser(subject, categories, new Vocabulary()).node(json, path);
    }

    /** Returns the vocabulary keywords get their ids in. */
    Vocabulary vocabulary() {
        return vocabulary;
    }

    private Node node(JsonNode json, String path) {
        if (json == null || !json.isObject()) {
            throw error("a condition must be an object with 'all', 'any', 'none' or 'field', got "
                    + (json == null ? "nothing" : json.getNodeType().name().toLowerCase(Locale.ROOT)),
                    path);
        }
        String group = null;
        boolean test = false;
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (GROUPS.contains(key)) {
                if (group != null) {
                    throw error("a condition has more than one group ('" + group + "', '" + key
                            + "'); nest them instead", path);
                }
                group = key;
            } else if (TEST_KEYS.contains(key)) {
                test = true;
            } else {
                throw error("unknown condition key '" + key
                        + "' (known: all, any, none, field, op, value)", path);
            }
        }
        if (group != null && test) {
            throw error("a condition has both a group ('" + group
                    + "') and a field test; put the test inside the group", path);
        }
        if (group != null) {
            return group(group, json.get(group), path + "." + group);
        }
        if (!test) {
            throw error("a condition needs 'all', 'any', 'none' or 'field'", path);
        }
        return fieldTest(json, path);
    }

    private Node group(String group, JsonNode children, String path) {
        if (children == null || !children.isArray()) {
            throw error("'" + group + "' must be a list of conditions", path);
        }
        List<Node> nodes = new ArrayList<>(children.size());
        List<Condition> conditions = new ArrayList<>(children.size());
        for (int i = 0; i < children.size(); i++) {
            Node n = node(children.get(i), path + "[" + i + "]");
            nodes.add(n);
            conditions.add(n.condition());
        }
        switch (group) {
            case "all":
                return new Node.AllNode(new Condition.All(conditions), nodes);
            case "any":
                return new Node.AnyNode(new Condition.Any(conditions), nodes);
            default:
                return new Node.NoneNode(new Condition.None(conditions), nodes);
        }
    }

    private Node fieldTest(JsonNode json, String path) {
        JsonNode fieldNode = json.get("field");
        if (fieldNode == null || !fieldNode.isTextual()) {
            throw error("a field test needs 'field', the name of a field", path);
        }
        String fieldName = fieldNode.asText();
        Field field = Field.parse(fieldName).orElseThrow(() -> error("condition field '"
                + fieldName + "' is not a known field (known: " + Field.known() + ")", path));
        String key = field == Field.METADATA
                ? fieldName.substring(Field.METADATA_PREFIX.length()) : null;
        JsonNode opNode = json.get("op");
        if (opNode == null || !opNode.isTextual()) {
            throw error("the test of field '" + fieldName + "' needs 'op' (one of "
                    + Operator.known() + ")", path);
        }
        Operator op = Operator.parse(opNode.asText()).orElseThrow(() -> error("operator '"
                + opNode.asText() + "' is not known (known: " + Operator.known() + ")", path));
        if (!op.appliesTo(field.kind())) {
            throw error("operator '" + op.id() + "' does not apply to field '" + fieldName + "'",
                    path);
        }
        JsonNode value = json.get("value");
        if (value == null || value.isNull()) {
            throw error("the test '" + fieldName + " " + op.id() + "' needs a 'value'", path);
        }
        return new Operands(this, path, field, key, op).compile(value);
    }

    /** Checks that {@code value} is a configured category when the field is the category. */
    void checkValue(Field field, String value, String path) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (field == Field.CATEGORY && !categories.contains(v)) {
            throw error("'" + value + "' is not a configured category (configured: "
                    + String.join(", ", categories.names()) + ")", path);
        }
        if (field == Field.STATUS && Status.parse(v).isEmpty()) {
            throw error("'" + value + "' is not a status", path);
        }
    }

    /** Returns the priority named {@code value}, or fails naming it. */
    Priority priority(String value, String path) {
        return Priority.parse(value).orElseThrow(() -> error("priority '" + value
                + "' is not a priority level (critical, high, medium, low)", path));
    }

    /** Returns the load-time error for this rule at {@code path}. */
    TriageException error(String problem, String path) {
        return new TriageException(ErrorCode.CONFIG_INVALID,
                subject + ": " + problem + " (at " + path + ")");
    }
}
