package org.helpdesktriage.core.ingest;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A record that was not triaged: where it came from, every error found in it, and its raw text.
 *
 * @param position the record's source position
 * @param errors every error of the record, at least one
 * @param raw the record's raw text
 */
public record Rejection(SourcePosition position, List<FieldError> errors, String raw) {

    /** Checks the values and copies the errors. */
    public Rejection {
        Objects.requireNonNull(position, "position");
        errors = List.copyOf(errors);
        Objects.requireNonNull(raw, "raw");
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one error");
        }
    }

    /** Returns "tickets.csv line 12 (record 11): requester_email: 'a@b' is not ...; ...". */
    public String message() {
        return position + ": " + errors.stream().map(FieldError::toString)
                .collect(Collectors.joining("; "));
    }
}
