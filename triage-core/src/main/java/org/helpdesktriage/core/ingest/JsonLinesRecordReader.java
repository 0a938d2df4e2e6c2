package org.helpdesktriage.core.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads JSON Lines: one object per line, blank lines skipped. Each line is parsed on its own
 * with a shared factory (so field names are canonicalised once), and a bad line is one
 * unparseable record; reading goes on with the next line. Since lines split without parsing,
 * {@link #nextDeferred()} hands out the line and parses it where the task runs.
 */
final class JsonLinesRecordReader extends AbstractRecordReader {

    private final BufferedReader reader;
    private final JsonFactory factory;
    private long line;

    JsonLinesRecordReader(BufferedReader reader, String source, JsonFactory factory) {
        super(source, reader);
        this.reader = reader;
        this.factory = factory;
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
        String text;
        do {
            text = reader.readLine();
            if (text == null) {
                return null;
            }
            line++;
        } while (text.isBlank());
        SourcePosition pos = nextPosition(line);
        String record = text;
        return () -> parse(factory, pos, record);
    }

    /** Parses one JSON object into a record, or an unparseable record saying what is wrong. */
    static RawRecord parse(JsonFactory factory, SourcePosition pos, String text) {
        try (JsonParser p = factory.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return RawRecord.unparseable(pos, text, JsonRecordReader.NOT_AN_OBJECT);
            }
            Map<String, Object> fields = JsonValues.readObject(p);
            if (p.nextToken() != null) {
                return RawRecord.unparseable(pos, text, "malformed JSON: unexpected content at"
                        + " column " + p.currentTokenLocation().getColumnNr()
                        + " after the object");
            }
            return RawRecord.of(pos, fields, text);
        } catch (JsonProcessingException e) {
            return RawRecord.unparseable(pos, text, "malformed JSON at column "
                    + e.getLocation().getColumnNr() + ": " + JsonValues.describe(e));
        } catch (IOException e) {
            // parsing a string in memory reads nothing, so this does not happen
            throw new UncheckedIOException(e);
        }
    }
}
