package org.helpdesktriage.core.ingest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.internal.ingest.fields.FieldChecks;

/**
 * Turns JSON tokens into plain Java values straight from the parser (no tree in between):
 * strings, {@code Long} (or {@code BigInteger} past the long range), {@code Double} (or
 * {@code BigDecimal} past the double range, so {@code 1e999} stays exact instead of becoming
 * infinity), {@code Boolean}, {@code null}, {@code List} and {@code LinkedHashMap}.
 */
final class JsonValues {

    private JsonValues() {
    }

    /**
     * How many more keys a record may have ({@code max_keys}), counted while it is read, and
     * whether an unpaired surrogate escape ({@code "\\uD800"}) was read as U+FFFD: such a
     * string could be held but never written as UTF-8, so it is replaced on the way in.
     */
    static final class Budget {
        private final int max;
        private int left;
        boolean replaced;

        Budget(int max) {
            this.max = max;
            this.left = max;
        }

        void take() throws StreamConstraintsException {
            if (--left < 0) {
                throw new StreamConstraintsException("the record has more than " + max
                        + " keys (max_keys)");
            }
        }
    }

    /** Reads the value at the parser's current token, leaving it on the value's last token. */
    static Object read(JsonParser p, Budget budget) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT:
                return readObject(p, budget);
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p, budget));
                }
                return list;
            case VALUE_STRING:
                return whole(p.getText(), budget);
            case VALUE_NUMBER_INT:
                JsonParser.NumberType type = p.getNumberType();
                return type == JsonParser.NumberType.BIG_INTEGER
                        ? p.getBigIntegerValue() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                double d = p.getDoubleValue();
                return Double.isFinite(d) ? (Object) d : p.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonParseException(p, "unexpected JSON token " + t);
        }
    }

    /** Reads the object whose {@code START_OBJECT} is the current token. */
    static Map<String, Object> readObject(JsonParser p, Budget budget) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        String name;
        while ((name = p.nextFieldName()) != null) {
            budget.take();
            p.nextToken();
            map.put(whole(name, budget), read(p, budget));
        }
        return map;
    }

    /** Returns {@code s} with every unpaired surrogate replaced by U+FFFD. */
    static String whole(String s) {
        return whole(s, new Budget(0));
    }

    /** Returns {@code s} with every unpaired surrogate replaced by U+FFFD, noting it. */
    static String whole(String s, Budget budget) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n
                        && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                budget.replaced = true;
                return replaceUnpaired(s);
            }
        }
        return s;
    }

    private static String replaceUnpaired(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else {
                sb.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }

    /**
     * Returns what is wrong with a record a parser refused: a broken limit names the limit's
     * configuration key and where in the record it broke; a syntax error says where it is.
     */
    static String problem(JsonProcessingException e, JsonParser p, String where) {
        if (e instanceof StreamConstraintsException) {
            return "the record breaks a limit at " + path(p) + ": " + limit(e);
        }
        return "malformed JSON at " + where + ": " + describe(e);
    }

    private static String path(JsonParser p) {
        String pointer = p.getParsingContext().pathAsPointer().toString();
        return pointer.isEmpty() ? "the top" : "'" + FieldChecks.clip(whole(pointer)) + "'";
    }

    private static final java.util.regex.Pattern ALLOWED =
            java.util.regex.Pattern.compile("maximum allowed \\((\\d+)");

    // Jackson names its getter; the user needs the configuration key
    private static String limit(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        java.util.regex.Matcher allowed = ALLOWED.matcher(m);
        String n = allowed.find() ? allowed.group(1) : "the limit";
        if (m.contains("getMaxNameLength")) {
            return "a key is longer than " + n + " characters (max_key_length)";
        }
        if (m.contains("getMaxNestingDepth")) {
            return "objects and lists nest deeper than " + n + " levels (max_nesting_depth)";
        }
        if (m.contains("getMaxStringLength")) {
            return "a string is longer than " + n + " characters (max_record_length)";
        }
        if (m.contains("getMaxNumberLength")) {
            return "a number has more than " + n + " digits";
        }
        return describe(e);
    }

    /** Returns Jackson's message without its source-location suffix, which names no file. */
    static String describe(Throwable e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage()
                : e.getMessage();
        // Jackson quotes the character it stopped at, half a surrogate pair at times
        return m == null ? e.getClass().getSimpleName()
                : whole(m.replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", ""));
    }
}
