package org.helpdesktriage.core.internal.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.helpdesktriage.core.TriageResult;

/**
 * One member of a result as every format writes it: its JSON value under {@code name} (JSON and
 * JSON Lines) and the CSV columns it flattens to. {@link ResultFields#ALL} lists them in output
 * order.
 *
 * @param name the member's name in a JSON result object
 * @param present whether a result has this member (an empty explanation is left out of JSON)
 * @param json writes the member's value
 * @param columns the CSV columns of the member, for a layout; none to leave it out of CSV
 */
record ResultField(String name, Predicate<TriageResult> present, JsonValue json,
        Function<CsvLayout, List<CsvColumn>> columns) {

    ResultField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(present, "present");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(columns, "columns");
    }

    /** Writes one JSON value of a result. */
    @FunctionalInterface
    interface JsonValue {
        void write(JsonGenerator g, TriageResult result) throws IOException;
    }
}
