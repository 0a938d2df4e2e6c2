package org.helpdesktriage.core.ingest;

import java.util.Objects;

/**
 * Where a record came from: the source name (a file name, or {@code <stdin>}), the line it starts
 * on (1-based) and its ordinal among the source's records (1-based).
 *
 * @param source the file name or {@code <stdin>}
 * @param line the first line of the record, 1-based
 * @param record the record's ordinal in the source, 1-based
 */
public record SourcePosition(String source, long line, long record) {

    /** Checks the values. */
    public SourcePosition {
        Objects.requireNonNull(source, "source");
    }

    /** Returns "tickets.csv line 12 (record 11)". */
    @Override
    public String toString() {
        return source + " line " + line + " (record " + record + ")";
    }
}
