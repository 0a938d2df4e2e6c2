package org.helpdesktriage.core.internal.lint;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.helpdesktriage.core.internal.rules.Condition.FieldTest;
import org.helpdesktriage.core.internal.rules.Condition;
import org.helpdesktriage.core.internal.rules.Field;
import org.helpdesktriage.core.internal.rules.Operator;
import org.helpdesktriage.core.internal.text.TicketText;
import org.helpdesktriage.core.model.Priority;

/**
 * What can be proved about conditions without a ticket: that one implies another, that one
 * always holds, that one never does. Every answer is sound and incomplete: "true" is a proof,
 * "false" means no proof was found, so lint reports only what is certain.
 */
final class Conditions {

    private Conditions() {
    }

    /** Returns whether every ticket {@code b} holds for also satisfies {@code a}. */
    static boolean implies(Condition b, Condition a) {
        if (b.equals(a) || alwaysHolds(a) || neverHolds(b)) {
            return true;
        }
        if (a instanceof Condition.All all) {
            return all.conditions().stream().allMatch(c -> implies(b, c));
        }
        if (b instanceof Condition.Any any) {
            return any.conditions().stream().allMatch(c -> implies(c, a));
        }
        if (b instanceof Condition.All all
                && all.conditions().stream().anyMatch(c -> implies(c, a))) {
            return true;
        }
        if (a instanceof Condition.Any any) {
            return any.conditions().stream().anyMatch(c -> implies(b, c));
        }
        return b instanceof FieldTest tb && a instanceof FieldTest ta && testImplies(tb, ta);
    }

    /** Returns whether the condition holds for every ticket. */
    static boolean alwaysHolds(Condition c) {
        if (c instanceof Condition.All all) {
            return all.conditions().stream().allMatch(Conditions::alwaysHolds);
        }
        if (c instanceof Condition.Any any) {
            return any.conditions().stream().anyMatch(Conditions::alwaysHolds);
        }
        if (c instanceof Condition.None none) {
            return none.conditions().stream().allMatch(Conditions::neverHolds);
        }
        FieldTest t = (FieldTest) c;
        if (t.field() == Field.PRIORITY && t.op() == Operator.IN) {
            return priorities(t).containsAll(EnumSet.allOf(Priority.class));
        }
        return false;
    }

    /** Returns whether the condition holds for no ticket. */
    static boolean neverHolds(Condition c) {
        if (c instanceof Condition.Any any) {
            return any.conditions().stream().allMatch(Conditions::neverHolds);
        }
        if (c instanceof Condition.None none) {
            return none.conditions().stream().anyMatch(Conditions::alwaysHolds);
        }
        if (c instanceof Condition.All all) {
            List<Condition> parts = all.conditions();
            if (parts.stream().anyMatch(Conditions::neverHolds)) {
                return true;
            }
            for (int i = 0; i < parts.size(); i++) {
                for (int j = i + 1; j < parts.size(); j++) {
                    if (parts.get(i) instanceof FieldTest x && parts.get(j) instanceof FieldTest y
                            && contradict(x, y)) {
                        return true;
                    }
                }
            }
            return false;
        }
        FieldTest t = (FieldTest) c;
        return t.op() == Operator.IN && t.value() instanceof List<?> l && l.isEmpty();
    }

    // two tests of one field that no value satisfies together
    private static boolean contradict(FieldTest x, FieldTest y) {
        if (!sameField(x, y)) {
            return false;
        }
        Set<String> vx = allowedValues(x);
        Set<String> vy = allowedValues(y);
        if (vx != null && vy != null && vx.stream().noneMatch(vy::contains)) {
            return true;
        }
        Double lowX = bound(x, Operator.GREATER_THAN);
        Double highY = bound(y, Operator.LESS_THAN);
        Double lowY = bound(y, Operator.GREATER_THAN);
        Double highX = bound(x, Operator.LESS_THAN);
        return lowX != null && highY != null && lowX >= highY
                || lowY != null && highX != null && lowY >= highX;
    }

    // the values an equals or in test allows, lower-cased; null for other tests
    private static Set<String> allowedValues(FieldTest t) {
        if (t.field().kind() == Field.Kind.TEXT || t.field().kind() == Field.Kind.LIST) {
            return null;
        }
        if (t.op() == Operator.EQUALS || t.op() == Operator.IN) {
            Set<String> values = new java.util.HashSet<>();
            for (String v : strings(t.value())) {
                values.add(v.trim().toLowerCase(Locale.ROOT));
            }
            return values;
        }
        return null;
    }

    // a greater_than or less_than bound, on a number or a priority's rank
    private static Double bound(FieldTest t, Operator op) {
        if (t.op() != op) {
            return null;
        }
        if (t.value() instanceof Double d) {
            return d;
        }
        if (t.field() == Field.PRIORITY && t.value() instanceof String s) {
            return Priority.parse(s).map(p -> (double) p.ordinal()).orElse(null);
        }
        return null;
    }

    private static boolean testImplies(FieldTest b, FieldTest a) {
        boolean wordsOfA = a.op() == Operator.CONTAINS_ANY_WORD
                || a.op() == Operator.CONTAINS_ALL_WORDS;
        // a title's or a description's words are words of the text
        boolean fieldOk = sameField(a, b) || wordsOfA && a.field() == Field.TEXT
                && (b.field() == Field.TITLE || b.field() == Field.DESCRIPTION);
        if (!fieldOk) {
            return false;
        }
        switch (a.op()) {
            case CONTAINS_ANY_WORD: {
                List<String> aw = words(a);
                if (b.op() == Operator.CONTAINS_ANY_WORD) {
                    return aw.containsAll(words(b));
                }
                if (b.op() == Operator.CONTAINS_ALL_WORDS) {
                    return words(b).stream().anyMatch(aw::contains);
                }
                return false;
            }
            case CONTAINS_ALL_WORDS:
                return b.op() == Operator.CONTAINS_ALL_WORDS && words(b).containsAll(words(a));
            case EQUALS:
            case IN: {
                Set<String> av = allowedValues(a);
                Set<String> bv = allowedValues(b);
                return av != null && bv != null && av.containsAll(bv);
            }
            case GREATER_THAN:
            case LESS_THAN: {
                Double x = bound(a, a.op());
                Double y = bound(b, a.op());
                return x != null && y != null
                        && (a.op() == Operator.GREATER_THAN ? y >= x : y <= x);
            }
            case STARTS_WITH:
                return b.op() == Operator.STARTS_WITH && a.value() instanceof String pa
                        && b.value() instanceof String pb
                        && pb.toLowerCase(Locale.ROOT).startsWith(pa.toLowerCase(Locale.ROOT));
            default:
                return false;
        }
    }

    private static boolean sameField(FieldTest a, FieldTest b) {
        return a.field() == b.field() && Objects.equals(a.key(), b.key());
    }

    // the keywords of a word test, each as the tokeniser reads it (a phrase stays one entry)
    private static List<String> words(FieldTest t) {
        List<String> words = new ArrayList<>();
        for (String k : strings(t.value())) {
            words.add(String.join(" ", TicketText.tokenize(k)));
        }
        return words;
    }

    private static Set<Priority> priorities(FieldTest t) {
        Set<Priority> set = EnumSet.noneOf(Priority.class);
        for (String v : strings(t.value())) {
            Priority.parse(v).ifPresent(set::add);
        }
        return set;
    }

    static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        } else {
            out.add(String.valueOf(value));
        }
        return out;
    }
}
