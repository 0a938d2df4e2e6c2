package org.helpdesktriage.core.model;

import java.util.Objects;

/**
 * A problem with one field of a record.
 *
 * @param field the field name ({@code requester_email}), or {@code record} for the whole record
 * @param message a sentence that starts with the field and names the bad value
 */
public record FieldError(String field, String message) {

    /** Checks the values. */
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return message;
    }
}
