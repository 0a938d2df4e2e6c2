package org.helpdesktriage.core.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import org.helpdesktriage.core.internal.ingest.fields.FieldChecks;
import org.helpdesktriage.core.model.InputLimits;

/**
 * Reads JSON: one object, an array of objects, or (leniently) several top-level values one after
 * the other. A scan that knows only strings and brackets cuts the input into its elements, one
 * at a time, and each element is parsed on its own (on a worker thread, through
 * {@link #nextDeferred()}): memory holds one element, an element longer than the record limit is
 * scanned to its end without being kept, and a syntax error inside an element rejects that
 * element only. Only an error between elements (a missing comma, a stray bracket, an input that
 * ends inside an element) cannot be recovered from: it becomes one unparseable record and ends
 * the input.
 */
final class JsonRecordReader extends AbstractRecordReader {

    static final String NOT_AN_OBJECT = "record is not a JSON object";

    private final CharSource in;
    private final JsonFactory factory;
    private final InputLimits limits;
    private final StringBuilder text = new StringBuilder();
    private boolean inArray;
    private boolean afterElement;
    private boolean afterComma;
    private boolean failed;
    private boolean single;
    private long startLine;
    private long startColumn;
    private long column = 1;
    private long length;

    JsonRecordReader(CharSource in, String source, JsonFactory factory, InputLimits limits) {
        super(source, in);
        this.in = in;
        this.factory = factory;
        this.limits = limits;
    }

    @Override
    public InputFormat format() {
        return InputFormat.JSON;
    }

    @Override
    public boolean singleObject() {
        hasNext();
        return single;
    }

    @Override
    RawRecord readNext() throws IOException {
        Supplier<RawRecord> task = readNextDeferred();
        return task == null ? null : task.get();
    }

    @Override
    Supplier<RawRecord> readNextDeferred() throws IOException {
        while (!failed) {
            int c = skipBlanks();
            if (c < 0) {
                return inArray ? fail("the input ends inside an array") : null;
            }
            if (inArray && afterElement) {
                if (c == ',') {
                    take();
                    afterElement = false;
                    afterComma = true;
                } else if (c == ']') {
                    take();
                    inArray = false;
                } else {
                    return fail("expected ',' or ']' after a record but found " + shown(c));
                }
                continue;
            }
            if (c == ']' && inArray && !afterComma) {
                take();
                inArray = false;
                continue;
            }
            if (c == '[' && !inArray) {
                take();
                inArray = true;
                afterElement = false;
                afterComma = false;
                continue;
            }
            if (c == ']' || c == '}' || c == ',' || c == ':') {
                return fail("unexpected " + shown(c));
            }
            return element(c);
        }
        return null;
    }

    private Supplier<RawRecord> element(int first) throws IOException {
        startLine = in.line();
        startColumn = column;
        text.setLength(0);
        length = 0;
        in.takeMalformed();
        boolean complete = first == '{' || first == '[' ? scanNested() : first == '"'
                ? scanString() : scanScalar();
        SourcePosition pos = nextPosition(startLine);
        if (!complete) {
            failed = true;
            RawRecord r = RawRecord.unparseable(pos, clipped(), "malformed JSON: the input ends"
                    + " inside the record that starts at line " + startLine
                    + "; the rest of the input cannot be read");
            return () -> r;
        }
        afterElement = true;
        afterComma = false;
        lastLength = Math.min(length, limits.maxRecordLength());
        if (length > limits.maxRecordLength()) {
            RawRecord r = Oversize.record(pos, text, length, limits);
            return () -> r;
        }
        if (!inArray && ordinal == 1 && first == '{') {
            single = skipBlanks() < 0;
        }
        String record = text.toString();
        boolean malformed = in.takeMalformed();
        long line = startLine;
        long col = startColumn;
        return () -> Utf8Notes.check(parse(pos, record, line, col), malformed);
    }

    private RawRecord parse(SourcePosition pos, String record, long line, long col) {
        try (JsonParser p = factory.createParser(record)) {
            try {
                JsonToken t = p.nextToken();
                if (t != JsonToken.START_OBJECT) {
                    JsonValues.read(p, new JsonValues.Budget(limits.maxKeys()));
                    return RawRecord.unparseable(pos, record, NOT_AN_OBJECT);
                }
                JsonValues.Budget budget = new JsonValues.Budget(limits.maxKeys());
                Map<String, Object> fields = JsonValues.readObject(p, budget);
                if (p.nextToken() != null) {
                    throw new com.fasterxml.jackson.core.JsonParseException(p,
                            "unexpected content after the object");
                }
                return Utf8Notes.surrogates(RawRecord.of(pos, fields, record), budget.replaced);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
                long l = line + Math.max(1, at.getLineNr()) - 1;
                long c = at.getLineNr() <= 1 ? col + Math.max(1, at.getColumnNr()) - 1
                        : at.getColumnNr();
                return RawRecord.unparseable(pos, record, JsonValues.problem(e, p, "line " + l
                        + " column " + c));
            }
        } catch (IOException | RuntimeException e) {
            return RawRecord.unparseable(pos, record, "the record cannot be read: "
                    + JsonValues.describe(e));
        }
    }

    /** Scans an object or array to its closing bracket; false when the input ends first. */
    private boolean scanNested() throws IOException {
        int depth = 0;
        while (true) {
            int c = take();
            if (c < 0) {
                return false;
            }
            keep(c);
            if (c == '"') {
                if (!scanStringBody()) {
                    return false;
                }
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return true;
            }
        }
    }

    private boolean scanString() throws IOException {
        keep(take());
        return scanStringBody();
    }

    /** Scans a string's characters after its opening quote, through its closing quote. */
    private boolean scanStringBody() throws IOException {
        while (true) {
            int c = take();
            if (c < 0) {
                return false;
            }
            keep(c);
            if (c == '\\') {
                int escaped = take();
                if (escaped < 0) {
                    return false;
                }
                keep(escaped);
            } else if (c == '"') {
                return true;
            }
        }
    }

    /** Scans a number, literal or stray word up to the next blank or punctuation. */
    private boolean scanScalar() throws IOException {
        while (true) {
            int c = in.peek();
            if (c < 0 || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ','
                    || c == ']' || c == '}' || c == '[' || c == '{' || c == '"') {
                return true;
            }
            keep(take());
        }
    }

    // as CsvRecordReader.keep: a pair cut by the limit loses both halves
    private void keep(int c) {
        int max = limits.maxRecordLength();
        if (length++ < max && !(length == max && Character.isHighSurrogate((char) c))) {
            text.append((char) c);
        }
    }

    private int take() throws IOException {
        int c = in.read();
        column = c == '\n' || c == '\r' ? 1 : column + 1;
        return c;
    }

    private int skipBlanks() throws IOException {
        int c = in.peek();
        while (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            take();
            c = in.peek();
        }
        return c;
    }

    private Supplier<RawRecord> fail(String problem) {
        failed = true;
        RawRecord r = RawRecord.unparseable(nextPosition(in.line()), "", "malformed JSON at line "
                + in.line() + " column " + column + ": " + problem
                + "; the rest of the input cannot be read");
        return () -> r;
    }

    private String clipped() {
        return text.length() > Oversize.KEPT ? FieldChecks.cut(text, Oversize.KEPT) + "..."
                : FieldChecks.cut(text, text.length());
    }

    private static String shown(int c) {
        return c < 0x20 || c == 0x7F ? String.format("U+%04X", c) : "'" + (char) c + "'";
    }
}
