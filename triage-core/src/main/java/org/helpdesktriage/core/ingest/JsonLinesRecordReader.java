package org.helpdesktriage.core.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Map;

/**
 * Reads JSON Lines: one object per line, blank lines skipped. Each line is parsed on its own
 * with a shared factory (so field names are canonicalised once), and a bad line is one
 * unparseable record; reading goes on with the next line.
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
        String text;
        do {
            text = reader.readLine();
            if (text == null) {
                return null;
            }
            line++;
        } while (text.isBlank());
        SourcePosition pos = nextPosition(line);
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
        }
    }
}
