package org.helpdesktriage.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.helpdesktriage.core.ingest.InputFormat;
import org.helpdesktriage.core.internal.evaluate.LabelledInput;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of commands that read labelled tickets (train, evaluate). */
final class LabelledOptions {

    @Parameters(index = "0", paramLabel = "LABELLED_FILE",
            description = "Labelled tickets, in any input format.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "The input format: ${COMPLETION-CANDIDATES}. Default: from the file.")
    InputFormat format;

    @Option(names = "--label-field", paramLabel = "FIELD", defaultValue = "label",
            description = "The field holding each record's label (case and spaces ignored).")
    String labelField;

    @Option(names = "--label-map", paramLabel = "LABEL=VALUE",
            description = "Maps a label to the value it means (repeatable), e.g. "
                    + "--label-map 'HR Support=hr'. Unmapped labels are lower-cased with spaces "
                    + "and dashes as '_'.")
    Map<String, String> labelMap = new LinkedHashMap<>();

    @Option(names = "--text-field", paramLabel = "FIELD",
            description = "A field holding the whole text of a record without title and "
                    + "description: its first words become the title, the rest the "
                    + "description.")
    String textField;

    /** Returns the options as the library's description of the input. */
    LabelledInput input(String groupField) {
        return new LabelledInput(file, format, labelField, textField, labelMap, groupField);
    }
}
