package org.helpdesktriage.core.store;

import java.util.Objects;

/**
 * A stored record that cannot be read as a ticket.
 *
 * @param location where it is (for the file store, the file's path)
 * @param problem why it cannot be read, as a sentence fragment
 */
public record CorruptRecord(String location, String problem) {

    /** Checks the arguments. */
    public CorruptRecord {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return location + ": " + problem;
    }
}
