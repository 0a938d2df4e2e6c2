package org.helpdesktriage.core.ingest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.helpdesktriage.core.internal.ingest.fields.FieldChecks;
import org.helpdesktriage.core.internal.ingest.fields.FieldNames;
import org.helpdesktriage.core.model.InputLimits;

/**
 * Reads text tickets: one {@code key: value} per line, tickets separated by one or more blank
 * lines. Keys are normalised like CSV headers; repeated {@code description} lines are joined
 * with newlines; for other repeated keys the last line wins. A line without a colon, a key over
 * {@code max_key_length} or more keys than {@code max_keys} makes its whole ticket unparseable;
 * a ticket longer than {@code max_record_length} is read to its blank line without being kept.
 */
final class TextRecordReader extends AbstractRecordReader {

    private final CharSource in;
    private final InputLimits limits;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder raw = new StringBuilder();
    /** The description lines of the record being read, joined as they come. */
    private final Map<String, StringBuilder> joined = new LinkedHashMap<>();

    TextRecordReader(CharSource in, String source, InputLimits limits) {
        super(source, in);
        this.in = in;
        this.limits = limits;
    }

    @Override
    public InputFormat format() {
        return InputFormat.TEXT;
    }

    @Override
    RawRecord readNext() throws IOException {
        int max = limits.maxRecordLength();
        long start;
        long length;
        do {
            text.setLength(0);
            start = in.line();
            in.takeMalformed();
            length = in.readLine(text, max);
            if (length < 0) {
                return null;
            }
        } while (length <= max && text.toString().isBlank());
        raw.setLength(0);
        long total = 0;
        int keys = 0;
        Map<String, Object> fields = new LinkedHashMap<>();
        String error = null;
        long line = start;
        while (length >= 0 && (length > max || !text.toString().isBlank())) {
            total += length + (total > 0 ? 1 : 0);
            if (total <= max) {
                if (raw.length() > 0) {
                    raw.append('\n');
                }
                raw.append(text);
                if (error == null) {
                    error = parseLine(fields, line, ++keys);
                }
            } else if (raw.length() < Oversize.KEPT) {
                raw.append('\n').append(FieldChecks.cut(text, Oversize.KEPT));
            }
            text.setLength(0);
            line = in.line();
            length = in.readLine(text, max);
        }
        joined.forEach((k, v) -> fields.put(k, v.toString()));
        joined.clear();
        SourcePosition pos = nextPosition(start);
        lastLength = Math.min(total, max);
        if (total > max) {
            return Oversize.record(pos, raw, total, limits);
        }
        boolean malformed = in.takeMalformed();
        return Utf8Notes.check(error == null ? RawRecord.of(pos, fields, raw.toString())
                : RawRecord.unparseable(pos, raw.toString(), error), malformed);
    }

    /** Adds the line in {@link #text} to the fields; returns what is wrong with it, or null. */
    private String parseLine(Map<String, Object> fields, long line, int keys) {
        String t = text.toString();
        int colon = t.indexOf(':');
        String key = colon < 0 ? "" : FieldNames.normalize(t.substring(0, colon));
        if (key.isEmpty()) {
            return "line " + line + " '" + FieldChecks.clip(t.strip())
                    + "' is not a 'key: value' line";
        }
        if (key.length() > limits.maxKeyLength()) {
            return "line " + line + ": the key is " + key.length() + " characters long, over the"
                    + " limit of " + limits.maxKeyLength() + " (max_key_length)";
        }
        if (keys > limits.maxKeys()) {
            return "line " + line + ": the record has more than " + limits.maxKeys()
                    + " keys (max_keys)";
        }
        String value = t.substring(colon + 1).strip();
        FieldNames.Ref ref = FieldNames.ref(key);
        boolean description = ref != null && "description".equals(ref.field());
        StringBuilder lines = joined.get(key);
        if (description && lines != null) {
            lines.append('\n').append(value);
        } else {
            if (description) {
                joined.put(key, new StringBuilder(value));
            } else {
                joined.remove(key);
            }
            fields.put(key, value);
        }
        return null;
    }
}
