package org.helpdesktriage.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.Map;

/**
 * Says what is wrong with a configuration value in words for the person who wrote it: what was
 * expected and what was found, never a bare "null", a Java type name or an exception's text.
 */
final class ConfigProblems {

    private ConfigProblems() {
    }

    /** Returns a sentence for a failure of reading or checking the configuration. */
    static String describe(Throwable e) {
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            return "expected " + expected(f.getTargetType()) + ", got '" + f.getValue() + "'";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + expected(m.getTargetType());
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InputCoercionException c) {
                boolean isLong = c.getTargetType() == Long.TYPE || c.getTargetType() == Long.class;
                return "the number is out of range: expected a whole number from "
                        + (isLong ? Long.MIN_VALUE : Integer.MIN_VALUE) + " to "
                        + (isLong ? Long.MAX_VALUE : Integer.MAX_VALUE);
            }
        }
        if (e instanceof JsonProcessingException j) {
            String m = j.getOriginalMessage();
            return m == null ? "the value cannot be read" : plain(m);
        }
        String m = e.getMessage();
        if (e instanceof NullPointerException || m == null || m.isBlank()) {
            return m != null && !m.isBlank() && !m.contains("\"") && !m.contains("(")
                    ? m + " is missing or null"
                    : "a value is missing or null where one is required";
        }
        return plain(m);
    }

    static String expected(Class<?> t) {
        if (t == Integer.class || t == Integer.TYPE || t == Long.class || t == Long.TYPE) {
            return "a whole number";
        }
        if (t == Double.class || t == Double.TYPE) {
            return "a number";
        }
        if (t == Boolean.class || t == Boolean.TYPE) {
            return "true or false";
        }
        if (t == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(t)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(t) || t.isRecord()) {
            return "an object";
        }
        return "a value of another kind";
    }

    // Jackson names Java types in backquotes; a configuration's author knows JSON kinds
    private static String plain(String m) {
        return m.replaceAll("`java\\.lang\\.(Integer|Long)`", "whole number")
                .replaceAll("`java\\.lang\\.Double`", "number")
                .replaceAll("`java\\.lang\\.String`", "string")
                .replaceAll("`[a-z][\\w.$]*\\.(\\w+)`", "$1")
                .replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "")
                .replaceAll("\\s*at \\[Source:.*$", "");
    }
}
