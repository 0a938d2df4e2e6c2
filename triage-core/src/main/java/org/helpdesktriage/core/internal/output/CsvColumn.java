package org.helpdesktriage.core.internal.output;

import java.io.IOException;
import java.util.Objects;
import org.helpdesktriage.core.TriageResult;

/**
 * One column of CSV output: its header and how a result gives its cell, so that header and rows
 * come from the same definition and can never shift against each other.
 *
 * @param name the header
 * @param value the cell of a result; never {@code null} (an absent value is {@code ""})
 */
record CsvColumn(String name, Cell value) {

    CsvColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** Computes one cell. */
    @FunctionalInterface
    interface Cell {
        String of(TriageResult result) throws IOException;
    }
}
