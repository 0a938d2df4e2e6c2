package org.helpdesktriage.core.internal.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ticket fields a rule condition can test, with the kind of value each holds.
 *
 * <p>{@code metadata.<key>} is written with its key; {@link #METADATA} stands for all of them.
 */
public enum Field {
    /** The title: text, tested word by word through {@link Facts#text()}. */
    TITLE("title", Kind.TEXT),
    /** The description: text. */
    DESCRIPTION("description", Kind.TEXT),
    /** The title, then the description: text. */
    TEXT("text", Kind.TEXT),
    /** The ticket's category name. */
    CATEGORY("category", Kind.STRING),
    /** The ticket's priority level, ordered low to critical. */
    PRIORITY("priority", Kind.PRIORITY),
    /** The ticket's status name. */
    STATUS("status", Kind.STRING),
    /** The requester's e-mail address. */
    REQUESTER_EMAIL("requester_email", Kind.STRING),
    /** The domain of the requester's e-mail address, lower-case. */
    REQUESTER_DOMAIN("requester_domain", Kind.STRING),
    /** The ticket's tags: a test holds when any tag satisfies it. */
    TAGS("tags", Kind.LIST),
    /** A metadata value's string form; a test on a missing key is false. */
    METADATA("metadata.<key>", Kind.STRING),
    /** Hours between the ticket's creation and {@link Facts#now()}. */
    AGE_HOURS("age_hours", Kind.NUMBER),
    /** The classifier's predicted category; a test without a prediction is false. */
    PREDICTED_CATEGORY("predicted_category", Kind.STRING),
    /** The classifier's confidence in [0, 1]; a test without a prediction is false. */
    PREDICTION_CONFIDENCE("prediction_confidence", Kind.NUMBER);

    /** The kinds of field value, which decide the operators that apply. */
    public enum Kind {
        /** Free text, tokenised once per ticket. */
        TEXT,
        /** A short string. */
        STRING,
        /** A list of strings. */
        LIST,
        /** A priority level. */
        PRIORITY,
        /** A number. */
        NUMBER
    }

    static final String METADATA_PREFIX = "metadata.";

    private final String id;
    private final Kind kind;

    Field(String id, Kind kind) {
        this.id = id;
        this.kind = kind;
    }

    /** Returns the name used in configuration ("requester_domain", "metadata.&lt;key&gt;"). */
    public String id() {
        return id;
    }

    /** Returns the kind of value the field holds. */
    public Kind kind() {
        return kind;
    }

    /** Returns whether a ticket may lack a value for this field, making every test false. */
    public boolean optional() {
        return this == METADATA || this == PREDICTED_CATEGORY || this == PREDICTION_CONFIDENCE;
    }

    /**
     * Returns the field named by {@code name} (exact, lower-case); any {@code metadata.<key>} with
     * a non-empty key is {@link #METADATA}.
     */
    public static Optional<Field> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (name.startsWith(METADATA_PREFIX) && name.length() > METADATA_PREFIX.length()) {
            return Optional.of(METADATA);
        }
        for (Field f : values()) {
            if (f != METADATA && f.id.equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Returns every field name, comma-separated, for error messages. */
    static String known() {
        return Arrays.stream(values()).map(Field::id).collect(Collectors.joining(", "));
    }
}
