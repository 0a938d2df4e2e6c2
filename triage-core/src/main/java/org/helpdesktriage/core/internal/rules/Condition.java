package org.helpdesktriage.core.internal.rules;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A rule's condition, parsed and checked: groups of conditions and field tests.
 *
 * <p>An empty group follows logic's conventions: {@code all} of nothing holds, {@code any} of
 * nothing does not, {@code none} of nothing holds. {@code toString()} gives the concise form
 * used in explanations: {@code all of [category equals 'billing', description contains_any_word
 * [payment]]}.
 */
public sealed interface Condition
        permits Condition.All, Condition.Any, Condition.None, Condition.FieldTest {

    /**
     * Holds when every child holds.
     *
     * @param conditions the children
     */
    record All(List<Condition> conditions) implements Condition {
        /** Copies the children. */
        public All {
            conditions = List.copyOf(conditions);
        }

        @Override
        public String toString() {
            return "all of " + join(conditions);
        }
    }

    /**
     * Holds when at least one child holds.
     *
     * @param conditions the children
     */
    record Any(List<Condition> conditions) implements Condition {
        /** Copies the children. */
        public Any {
            conditions = List.copyOf(conditions);
        }

        @Override
        public String toString() {
            return "any of " + join(conditions);
        }
    }

    /**
     * Holds when no child holds.
     *
     * @param conditions the children
     */
    record None(List<Condition> conditions) implements Condition {
        /** Copies the children. */
        public None {
            conditions = List.copyOf(conditions);
        }

        @Override
        public String toString() {
            return "none of " + join(conditions);
        }
    }

    /**
     * A test of one field of the ticket.
     *
     * @param field the field
     * @param key the metadata key for {@link Field#METADATA}, else {@code null}
     * @param op the operator
     * @param value the operand as configured: a {@code String}, a {@code List<String>}, a
     *     {@code Double} or a {@code Boolean}
     */
    record FieldTest(Field field, String key, Operator op, Object value) implements Condition {
        /** Checks the values and copies a list operand. */
        public FieldTest {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
            if (field == Field.METADATA) {
                Objects.requireNonNull(key, "key");
            }
            if (value instanceof List<?> list) {
                value = List.copyOf(list);
            }
        }

        /** Returns the field's name as configured ("title", "metadata.region"). */
        public String fieldName() {
            return field == Field.METADATA ? Field.METADATA_PREFIX + key : field.id();
        }

        @Override
        public String toString() {
            return fieldName() + " " + op.id() + " " + render(value);
        }

        private static String render(Object value) {
            if (value instanceof String s) {
                return "'" + s + "'";
            }
            if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
                return Long.toString(d.longValue());
            }
            return String.valueOf(value);
        }
    }

    private static String join(List<Condition> conditions) {
        return conditions.stream().map(Condition::toString)
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
