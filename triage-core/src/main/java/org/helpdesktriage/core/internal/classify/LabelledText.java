package org.helpdesktriage.core.internal.classify;

import java.util.Objects;

/**
 * One training example: a ticket's title and description with the label it was given (a
 * category or a team).
 *
 * @param title the title, may be empty
 * @param description the description, may be empty
 * @param label the label, not blank
 */
public record LabelledText(String title, String description, String label) {

    /** Checks the arguments; a null title or description becomes empty. */
    public LabelledText {
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("label is blank for text '" + title + "'");
        }
    }
}
