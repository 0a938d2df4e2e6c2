package org.helpdesktriage.core.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.helpdesktriage.core.model.FieldError;

/**
 * A record that was not triaged: where it came from, every error found in it, and its raw text.
 *
 * @param position the record's source position
 * @param errors every error of the record, at least one
 * @param raw the record's raw text
 * @param fields the record's fields as read, empty when it could not be parsed; kept so the
 *     record can be retried (dead letters) whatever its input format
 */
public record Rejection(SourcePosition position, List<FieldError> errors, String raw,
        Map<String, Object> fields) {

    /** Checks the values and copies the errors and fields. */
    public Rejection {
        Objects.requireNonNull(position, "position");
        errors = List.copyOf(errors);
        Objects.requireNonNull(raw, "raw");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one error");
        }
    }

    /** Creates a rejection of a record whose fields are unknown. */
    public Rejection(SourcePosition position, List<FieldError> errors, String raw) {
        this(position, errors, raw, Map.of());
    }

    /** Returns "tickets.csv line 12 (record 11): requester_email: 'a@b' is not ...; ...". */
    public String message() {
        return position + ": " + errors.stream().map(FieldError::toString)
                .collect(Collectors.joining("; "));
    }
}
