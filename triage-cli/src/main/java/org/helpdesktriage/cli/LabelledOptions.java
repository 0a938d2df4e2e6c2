package org.helpdesktriage.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.ingest.InputFormat;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.ingest.RecordReader;
import org.helpdesktriage.core.ingest.RecordReaders;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options of commands that read labelled tickets (train, evaluate), and the reading.
 *
 * <p>Labelled history is often not a ticket export: the IT-service dataset has one text column
 * and a label. So a record may name its text with {@code --text-field} (its first words become
 * the title and the rest, or the whole text when it is that short, the description), and a record without an id or a requester gets
 * placeholders, which no rule or model looks at.
 */
final class LabelledOptions {

    static final String PLACEHOLDER_EMAIL = "labelled@example.invalid";
    private static final int TITLE_WORDS = 10;
    private static final int MAX_TITLE = 120;
    private static final Pattern WORD = Pattern.compile("\\S+");

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

    /** One labelled record: the record as the engine reads it, and its label. */
    record Labelled(RawRecord record, String label) {
    }

    /** Reads every record with its label; a record without a label is an error naming it. */
    List<Labelled> read() {
        String labelKey = key(labelField);
        String textKey = textField == null ? null : key(textField);
        List<Labelled> out = new ArrayList<>();
        try (RecordReader reader = RecordReaders.open(file, format)) {
            while (reader.hasNext()) {
                RawRecord r = reader.next();
                if (r.parseError() != null) {
                    throw new TriageException(ErrorCode.INPUT_UNREADABLE,
                            r.position() + ": " + r.parseError());
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                Object label = null;
                Object text = null;
                for (Map.Entry<String, Object> e : r.fields().entrySet()) {
                    String k = key(e.getKey());
                    if (k.equals(labelKey)) {
                        label = e.getValue();
                    } else if (k.equals(textKey)) {
                        text = e.getValue();
                    } else {
                        fields.put(e.getKey(), e.getValue());
                    }
                }
                if (label == null || label.toString().isBlank()) {
                    throw new TriageException(ErrorCode.INPUT_UNREADABLE, r.position()
                            + ": no label in field '" + labelField + "'; name it with "
                            + "--label-field");
                }
                if (text != null) {
                    splitText(text.toString(), fields);
                }
                fields.putIfAbsent("ticket_id", "LABELLED-" + r.position().record());
                fields.putIfAbsent("requester_email", PLACEHOLDER_EMAIL);
                out.add(new Labelled(RawRecord.of(r.position(), fields, r.raw()),
                        mapLabel(label.toString())));
            }
        }
        if (out.isEmpty()) {
            throw new TriageException(ErrorCode.INPUT_UNREADABLE, file + ": no records");
        }
        return out;
    }

    String mapLabel(String label) {
        String mapped = labelMap.get(label.trim());
        return mapped != null ? mapped
                : label.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", "_");
    }

    /**
     * Puts the text's first words (at most {@link #TITLE_WORDS}, at most {@link #MAX_TITLE}
     * characters) as the title and the rest as the description, so that rules and the model
     * read each word once; a text that is all title is the description too.
     */
    static void splitText(String text, Map<String, Object> fields) {
        Matcher word = WORD.matcher(text);
        int end = 0;
        int words = 0;
        int start = -1;
        while (words < TITLE_WORDS && word.find()) {
            if (start < 0) {
                start = word.start();
            }
            if (word.end() - start > MAX_TITLE) {
                break;
            }
            end = word.end();
            words++;
        }
        if (words == 0 && start >= 0) {
            // a first word longer than a title: it stays whole in the description
            fields.put("title", text.substring(start, start + MAX_TITLE));
            fields.put("description", text.strip());
            return;
        }
        String title = text.substring(Math.max(start, 0), end);
        String rest = text.substring(end).strip();
        fields.put("title", title);
        // a ticket needs a description: a text that is all title is both
        fields.put("description", rest.isEmpty() ? title : rest);
    }
}
