package org.helpdesktriage.core.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import org.helpdesktriage.core.model.InputLimits;

/**
 * Reads JSON Lines: one object per line, blank lines skipped. Each line is parsed on its own
 * with a shared factory (so field names are canonicalised once), and a bad line is one
 * unparseable record; reading goes on with the next line. Since lines split without parsing,
 * {@link #nextDeferred()} hands out the line and parses it where the task runs. A line longer
 * than the record limit is read to its end without being kept, and rejected.
 */
final class JsonLinesRecordReader extends AbstractRecordReader {

    private final CharSource in;
    private final JsonFactory factory;
    private final InputLimits limits;
    private final StringBuilder line = new StringBuilder();

    JsonLinesRecordReader(CharSource in, String source, JsonFactory factory, InputLimits limits) {
        super(source, in);
        this.in = in;
        this.factory = factory;
        this.limits = limits;
    }

    @Override
    public InputFormat format() {
        return InputFormat.JSONL;
    }

    @Override
    RawRecord readNext() throws IOException {
        Supplier<RawRecord> task = readNextDeferred();
        return task == null ? null : task.get();
    }

    @Override
    Supplier<RawRecord> readNextDeferred() throws IOException {
        while (true) {
            line.setLength(0);
            long start = in.line();
            in.takeMalformed();
            long length = in.readLine(line, limits.maxRecordLength());
            if (length < 0) {
                return null;
            }
            if (length <= limits.maxRecordLength() && line.toString().isBlank()) {
                continue;
            }
            SourcePosition pos = nextPosition(start);
            lastLength = Math.min(length, limits.maxRecordLength());
            if (length > limits.maxRecordLength()) {
                RawRecord r = Oversize.record(pos, line, length, limits);
                return () -> r;
            }
            String record = line.toString();
            boolean malformed = in.takeMalformed();
            return () -> Utf8Notes.check(parse(factory, limits, pos, record), malformed);
        }
    }

    /** Parses one JSON object into a record, or an unparseable record saying what is wrong. */
    static RawRecord parse(JsonFactory factory, InputLimits limits, SourcePosition pos,
            String text) {
        try (JsonParser p = factory.createParser(text)) {
            try {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return RawRecord.unparseable(pos, text, JsonRecordReader.NOT_AN_OBJECT);
                }
                JsonValues.Budget budget = new JsonValues.Budget(limits.maxKeys());
                Map<String, Object> fields = JsonValues.readObject(p, budget);
                if (p.nextToken() != null) {
                    return RawRecord.unparseable(pos, text, "malformed JSON: unexpected content"
                            + " at column " + p.currentTokenLocation().getColumnNr()
                            + " after the object");
                }
                return Utf8Notes.surrogates(RawRecord.of(pos, fields, text), budget.replaced);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
                return RawRecord.unparseable(pos, text, JsonValues.problem(e, p, "column "
                        + at.getColumnNr()));
            }
        } catch (IOException | RuntimeException e) {
            // parsing a string in memory reads nothing; anything else thrown is the record's
            return RawRecord.unparseable(pos, text, "the record cannot be read: "
                    + JsonValues.describe(e));
        }
    }
}
