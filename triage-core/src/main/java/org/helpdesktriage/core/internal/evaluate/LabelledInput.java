package org.helpdesktriage.core.internal.evaluate;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.helpdesktriage.core.ingest.HistoryLayout;
import org.helpdesktriage.core.ingest.InputFormat;

/**
 * Where labelled history comes from and how its columns read: the file and its format, the
 * label column, an optional text column (for files without title and description), how labels
 * map to categories or teams, and an optional group column (one model per group, such as a
 * repository or a product).
 *
 * <pre>{@code
 * LabelledInput input = LabelledInput.of(Path.of("history.csv"), "queue")
 *         .withTextField("text");
 * LabelledData data = LabelledData.read(input, config, Clock.systemUTC());
 * }</pre>
 *
 * @param file the labelled file, in any input format
 * @param format its format, or {@code null} to tell it from the file
 * @param labelField the column holding each record's label (case and blanks ignored)
 * @param textField the column holding the whole text, or {@code null}
 * @param labelMap label to the value it means; unmapped labels are lower-cased with blanks and
 *     dashes as {@code _}
 * @param groupField the column that splits the history into groups, or {@code null}
 */
public record LabelledInput(Path file, InputFormat format, String labelField, String textField,
        Map<String, String> labelMap, String groupField) {

    /** Checks the values and copies the map. */
    public LabelledInput {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(labelField, "labelField");
        if (labelField.isBlank()) {
            throw new IllegalArgumentException("the label field must not be blank");
        }
        labelMap = Map.copyOf(labelMap);
    }

    /** Returns the input of a file whose label is in {@code labelField}, format from the file. */
    public static LabelledInput of(Path file, String labelField) {
        return new LabelledInput(file, null, labelField, null, Map.of(), null);
    }

    /** Returns a copy that takes each record's whole text from {@code field}. */
    public LabelledInput withTextField(String field) {
        return new LabelledInput(file, format, labelField, field, labelMap, groupField);
    }

    /** Returns a copy that groups records by the value of {@code field}. */
    public LabelledInput withGroupField(String field) {
        return new LabelledInput(file, format, labelField, textField, labelMap, field);
    }

    /** Returns how the file's columns become ticket fields. */
    public HistoryLayout layout() {
        return new HistoryLayout(textField, labelField);
    }

    /** Returns the value a label means: its mapping, else lower-cased with {@code _}. */
    public String mapLabel(String label) {
        String mapped = labelMap.get(label.trim());
        return mapped != null ? mapped : normalLabel(label);
    }

    /** Returns an unmapped label as a category reads: lower case, spaces and dashes as '_'. */
    static String normalLabel(String label) {
        return label.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }
}
