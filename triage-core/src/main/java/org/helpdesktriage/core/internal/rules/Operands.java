package org.helpdesktriage.core.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.helpdesktriage.core.internal.rules.Field.Kind;
import org.helpdesktriage.core.internal.rules.FieldTestNode.Probe;
import org.helpdesktriage.core.internal.text.TicketText;
import org.helpdesktriage.core.model.Priority;

/**
 * Checks the operand of one field test and builds its probe. Keywords are lower-cased and put in
 * sets here, regular expressions compiled here: nothing about the rule is parsed per ticket.
 */
final class Operands {

    /** Lists longer than this are looked up through a hash set. */
    private static final int SMALL = 8;

    private final ConditionParser parser;
    private final String path;
    private final Field field;
    private final String key;
    private final Operator op;

    Operands(ConditionParser parser, String path, Field field, String key, Operator op) {
        this.parser = parser;
        this.path = path;
        this.field = field;
        this.key = key;
        this.op = op;
    }

    /** Returns the compiled test of {@code value}. */
    FieldTestNode compile(JsonNode value) {
        switch (op) {
            case CONTAINS_ANY_WORD:
            case CONTAINS_ALL_WORDS:
                return words(value);
            case CONTAINS_PHRASE: {
                String phrase = string(value);
                List<String> tokens = List.copyOf(TicketText.tokenize(phrase));
                if (tokens.isEmpty()) {
                    throw parser.error("the phrase '" + phrase + "' of 'contains_phrase' holds no"
                            + " word", path);
                }
                // a one-phrase keyword list: the same test, with the first-word shortcut
                Keywords keywords = Keywords.of(List.of(phrase), parser.vocabulary());
                return node(phrase, FieldTestNode.onWords(field, key, keywords::anyIn));
            }
            case EQUALS:
                return equalsTest(value);
            case IN:
                return in(value);
            case STARTS_WITH: {
                String prefix = string(value);
                return node(prefix, FieldTestNode.onString(field, key,
                        s -> s.regionMatches(true, 0, prefix, 0, prefix.length())));
            }
            case ENDS_WITH: {
                String suffix = string(value);
                int n = suffix.length();
                return node(suffix, FieldTestNode.onString(field, key,
                        s -> s.length() >= n && s.regionMatches(true, s.length() - n, suffix, 0, n)));
            }
            case MATCHES:
                return matches(value);
            case GREATER_THAN:
            case LESS_THAN:
                return compare(value, op == Operator.GREATER_THAN);
            default:
                throw new IllegalStateException("unhandled operator " + op);
        }
    }

    private FieldTestNode words(JsonNode value) {
        List<String> list;
        Object shown;
        if (value.isTextual()) {
            list = List.of(value.asText());
            shown = value.asText();
        } else if (isStringList(value)) {
            list = strings(value);
            shown = list;
        } else {
            throw mustBe("a string or a list of strings");
        }
        if (list.isEmpty()) {
            throw mustBe("a string or a non-empty list of strings");
        }
        Keywords keywords = Keywords.of(list, parser.vocabulary());
        if (keywords == null) {
            throw parser.error("value of '" + op.id() + "' has a keyword with no word in it: "
                    + list, path);
        }
        boolean all = op == Operator.CONTAINS_ALL_WORDS;
        Probe probe;
        if (all && field == Field.TAGS) {
            probe = f -> keywords.allAcross(f.tagWords());
        } else if (all) {
            probe = FieldTestNode.onWords(field, key, keywords::allIn);
        } else {
            probe = FieldTestNode.onWords(field, key, keywords::anyIn);
        }
        return node(shown, probe);
    }

    private FieldTestNode equalsTest(JsonNode value) {
        if (field.kind() == Kind.PRIORITY) {
            String name = string(value);
            int level = parser.priority(name, path).ordinal();
            return node(name, f -> f.ticket().priority().ordinal() == level);
        }
        if (field.kind() == Kind.NUMBER) {
            double expected = number(value);
            return node(expected, numberProbe(v -> v == expected));
        }
        if (field == Field.METADATA && value.isNumber()) {
            double expected = value.asDouble();
            return node(expected, FieldTestNode.onString(field, key,
                    s -> parsesTo(s, expected)));
        }
        if (field == Field.METADATA && value.isBoolean()) {
            String expected = value.asText();
            return node(value.asBoolean(), FieldTestNode.onString(field, key,
                    s -> s.equalsIgnoreCase(expected)));
        }
        String expected = string(value);
        parser.checkValue(field, expected, path);
        String trimmed = field == Field.CATEGORY || field == Field.STATUS
                ? expected.trim() : expected;
        return node(expected, FieldTestNode.onString(field, key,
                s -> s.equalsIgnoreCase(trimmed)));
    }

    private FieldTestNode in(JsonNode value) {
        if (!isStringList(value)) {
            throw mustBe(field.kind() == Kind.PRIORITY
                    ? "a list of priority levels" : "a list of strings");
        }
        List<String> list = strings(value);
        if (field.kind() == Kind.PRIORITY) {
            int mask = 0;
            for (String name : list) {
                mask |= 1 << parser.priority(name, path).ordinal();
            }
            int levels = mask;
            return node(list, f -> (levels & (1 << f.ticket().priority().ordinal())) != 0);
        }
        for (String v : list) {
            parser.checkValue(field, v, path);
        }
        Predicate<String> p;
        if (list.size() <= SMALL) {
            String[] options = list.toArray(new String[0]);
            p = s -> {
                for (String o : options) {
                    if (s.equalsIgnoreCase(o)) {
                        return true;
                    }
                }
                return false;
            };
        } else {
            Set<String> options = new HashSet<>();
            list.forEach(o -> options.add(o.toLowerCase(Locale.ROOT)));
            p = s -> options.contains(s.toLowerCase(Locale.ROOT));
        }
        return node(list, FieldTestNode.onString(field, key, p));
    }

    private FieldTestNode matches(JsonNode value) {
        String regex = string(value);
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw parser.error("invalid regex '" + regex + "': " + describe(regex, e), path);
        }
        return node(regex, FieldTestNode.onString(field, key, s -> pattern.matcher(s).find()));
    }

    // RE2 runs in linear time, so it has no lookaround and no backreferences; it reports a
    // lookbehind "(?<=" as a bad named group, which misleads
    private static String describe(String regex, PatternSyntaxException e) {
        for (String[] unsupported : new String[][] {{"(?<=", "lookbehind"},
                {"(?<!", "negative lookbehind"}, {"(?=", "lookahead"},
                {"(?!", "negative lookahead"}}) {
            if (regex.contains(unsupported[0])) {
                return unsupported[1] + " '" + unsupported[0] + "...)' is not supported: rules "
                        + "use RE2 syntax, which runs in linear time and has no lookaround "
                        + "(docs/rules.md)";
            }
        }
        return e.getDescription();
    }

    private FieldTestNode compare(JsonNode value, boolean greater) {
        if (field.kind() == Kind.PRIORITY) {
            String name = string(value);
            int level = parser.priority(name, path).ordinal();
            return node(name, greater
                    ? f -> f.ticket().priority().ordinal() > level
                    : f -> f.ticket().priority().ordinal() < level);
        }
        double bound = number(value);
        return node(bound, numberProbe(greater ? v -> v > bound : v -> v < bound));
    }

    /** Returns a probe over this numeric field; false without a prediction. */
    private Probe numberProbe(java.util.function.DoublePredicate p) {
        if (field == Field.AGE_HOURS) {
            return f -> p.test(f.ageHours());
        }
        return f -> f.hasPrediction() && p.test(f.predictionConfidence());
    }

    private static boolean parsesTo(String s, double expected) {
        try {
            return Double.parseDouble(s.trim()) == expected;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private FieldTestNode node(Object shown, Probe probe) {
        return new FieldTestNode(new Condition.FieldTest(field, key, op, shown), probe);
    }

    private String string(JsonNode value) {
        if (!value.isTextual()) {
            throw mustBe(field.kind() == Kind.PRIORITY ? "a priority level name" : "a string");
        }
        return value.asText();
    }

    private double number(JsonNode value) {
        if (!value.isNumber()) {
            throw mustBe("a number");
        }
        return value.asDouble();
    }

    private static boolean isStringList(JsonNode value) {
        if (!value.isArray()) {
            return false;
        }
        for (JsonNode v : value) {
            if (!v.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> strings(JsonNode value) {
        List<String> list = new ArrayList<>(value.size());
        value.forEach(v -> list.add(v.asText()));
        return list;
    }

    private RuntimeException mustBe(String what) {
        return parser.error("value of '" + op.id() + "' must be " + what + " for field '"
                + (field == Field.METADATA ? Field.METADATA_PREFIX + key : field.id()) + "'",
                path);
    }
}
