package org.helpdesktriage.core.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One record as read from an input, before normalisation: its fields as the input named them,
 * its source position and its raw text. A record that could not be parsed at all carries the
 * parse error and no fields.
 *
 * @param position where the record came from
 * @param fields the fields in input order; values are strings, numbers, booleans, lists or maps
 * @param raw the record's text as it stood in the input (for rejects)
 * @param parseError why the record could not be parsed, or {@code null}
 * @param notes what the reader noticed and the result should say (invalid UTF-8 read as
 *     U+FFFD, naming the field), possibly none
 */
public record RawRecord(SourcePosition position, Map<String, Object> fields, String raw,
        String parseError, List<String> notes) {

    /** Checks the values and copies the fields and notes. */
    public RawRecord {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(raw, "raw");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        notes = List.copyOf(notes);
    }

    /** Creates a record without notes. */
    public RawRecord(SourcePosition position, Map<String, Object> fields, String raw,
            String parseError) {
        this(position, fields, raw, parseError, List.of());
    }

    /** Returns a copy with {@code more} added to the notes. */
    public RawRecord withNotes(List<String> more) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new RawRecord(position, fields, raw, parseError, all);
    }

    /** Returns a parsed record. */
    public static RawRecord of(SourcePosition position, Map<String, Object> fields, String raw) {
        return new RawRecord(position, fields, raw, null);
    }

    /** Returns a record that could not be parsed. */
    public static RawRecord unparseable(SourcePosition position, String raw, String error) {
        return new RawRecord(position, Map.of(), raw, Objects.requireNonNull(error, "error"));
    }

    /** Returns the parse error, or empty when the record parsed. */
    public Optional<String> error() {
        return Optional.ofNullable(parseError);
    }
}
