package org.helpdesktriage.core.internal.rules;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.helpdesktriage.core.internal.rules.Field.Kind;

/** The tests a condition applies to a field, with the kinds of field each applies to. */
public enum Operator {
    /** Any of the words (a string or a list) occurs as a whole word, case-insensitive. */
    CONTAINS_ANY_WORD("contains_any_word", EnumSet.of(Kind.TEXT, Kind.STRING, Kind.LIST)),
    /** Every one of the words occurs as a whole word, case-insensitive. */
    CONTAINS_ALL_WORDS("contains_all_words", EnumSet.of(Kind.TEXT, Kind.STRING, Kind.LIST)),
    /** The phrase's words occur consecutively, whole words, case-insensitive. */
    CONTAINS_PHRASE("contains_phrase", EnumSet.of(Kind.TEXT, Kind.STRING, Kind.LIST)),
    /** Equal: case-insensitive for strings, by level for priority, numeric for numbers. */
    EQUALS("equals", EnumSet.allOf(Kind.class)),
    /** Equal to one of a list of values. */
    IN("in", EnumSet.of(Kind.TEXT, Kind.STRING, Kind.LIST, Kind.PRIORITY)),
    /** Starts with a string, case-insensitive. */
    STARTS_WITH("starts_with", EnumSet.of(Kind.TEXT, Kind.STRING, Kind.LIST)),
    /** Ends with a string, case-insensitive. */
    ENDS_WITH("ends_with", EnumSet.of(Kind.TEXT, Kind.STRING, Kind.LIST)),
    /** An RE2 regular expression is found somewhere in the value (linear time). */
    MATCHES("matches", EnumSet.of(Kind.TEXT, Kind.STRING, Kind.LIST)),
    /** Greater: by level for priority, numeric for numbers. */
    GREATER_THAN("greater_than", EnumSet.of(Kind.PRIORITY, Kind.NUMBER)),
    /** Less: by level for priority, numeric for numbers. */
    LESS_THAN("less_than", EnumSet.of(Kind.PRIORITY, Kind.NUMBER));

    private final String id;
    private final Set<Kind> kinds;

    Operator(String id, Set<Kind> kinds) {
        this.id = id;
        this.kinds = kinds;
    }

    /** Returns the name used in configuration ("contains_any_word"). */
    public String id() {
        return id;
    }

    /** Returns whether the operator applies to fields of {@code kind}. */
    public boolean appliesTo(Kind kind) {
        return kinds.contains(kind);
    }

    /** Returns the operator named by {@code name} (exact), or empty. */
    public static Optional<Operator> parse(String name) {
        return Arrays.stream(values()).filter(o -> o.id.equals(name)).findFirst();
    }

    /** Returns every operator name, comma-separated, for error messages. */
    static String known() {
        return Arrays.stream(values()).map(Operator::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
