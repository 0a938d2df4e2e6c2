package org.helpdesktriage.core.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads text tickets: one {@code key: value} per line, tickets separated by one or more blank
 * lines. Keys are normalised like CSV headers; repeated {@code description} lines are joined
 * with newlines; for other repeated keys the last line wins. A line without a colon makes its
 * whole ticket unparseable.
 */
final class TextRecordReader extends AbstractRecordReader {

    private final BufferedReader reader;
    private long line;

    TextRecordReader(BufferedReader reader, String source) {
        super(source, reader);
        this.reader = reader;
    }

    @Override
    public InputFormat format() {
        return InputFormat.TEXT;
    }

    @Override
    RawRecord readNext() throws IOException {
        String text;
        do {
            text = reader.readLine();
            if (text == null) {
                return null;
            }
            line++;
        } while (text.isBlank());
        long start = line;
        StringBuilder raw = new StringBuilder();
        Map<String, Object> fields = new LinkedHashMap<>();
        String error = null;
        while (text != null && !text.isBlank()) {
            if (raw.length() > 0) {
                raw.append('\n');
            }
            raw.append(text);
            int colon = text.indexOf(':');
            String key = colon < 0 ? "" : FieldNames.normalize(text.substring(0, colon));
            if (key.isEmpty()) {
                if (error == null) {
                    error = "line " + line + " '" + clip(text.strip())
                            + "' is not a 'key: value' line";
                }
            } else {
                String value = text.substring(colon + 1).strip();
                FieldNames.Ref ref = FieldNames.ref(key);
                Object before = fields.get(key);
                boolean description = ref != null && "description".equals(ref.field());
                if (description && before instanceof String s) {
                    value = s + "\n" + value;
                }
                fields.put(key, value);
            }
            text = reader.readLine();
            if (text != null) {
                line++;
            }
        }
        SourcePosition pos = nextPosition(start);
        return error == null ? RawRecord.of(pos, fields, raw.toString())
                : RawRecord.unparseable(pos, raw.toString(), error);
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
