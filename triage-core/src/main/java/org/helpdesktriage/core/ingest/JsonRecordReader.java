package org.helpdesktriage.core.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.Map;

/**
 * Reads JSON: one object, an array of objects, or (leniently) several top-level values one after
 * the other. Elements are parsed one at a time from the token stream, so an array of any size
 * needs memory for one element only. A syntax error cannot be recovered from: it becomes one
 * unparseable record and ends the input.
 */
final class JsonRecordReader extends AbstractRecordReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String NOT_AN_OBJECT = "record is not a JSON object";

    private final JsonParser parser;
    private final RecordingReader recording;
    private boolean inArray;
    private boolean failed;
    private JsonToken pending;
    private JsonProcessingException pendingError;
    private boolean single;

    JsonRecordReader(Reader in, String source, JsonFactory factory) throws IOException {
        this(new RecordingReader(in), source, factory);
    }

    private JsonRecordReader(RecordingReader in, String source, JsonFactory factory)
            throws IOException {
        this(factory.createParser(in), in, source);
    }

    private JsonRecordReader(JsonParser parser, RecordingReader recording, String source) {
        super(source, parser::close);
        this.parser = parser;
        this.recording = recording;
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
        if (failed) {
            return null;
        }
        try {
            while (true) {
                JsonToken t = take();
                if (t == null) {
                    return null;
                }
                if (!inArray && t == JsonToken.START_ARRAY) {
                    inArray = true;
                    continue;
                }
                if (inArray && t == JsonToken.END_ARRAY) {
                    inArray = false;
                    continue;
                }
                JsonLocation start = parser.currentTokenLocation();
                SourcePosition pos = nextPosition(start.getLineNr());
                recording.discardBefore(start.getCharOffset());
                if (t == JsonToken.START_OBJECT) {
                    Map<String, Object> fields = JsonValues.readObject(parser);
                    RawRecord record = RawRecord.of(pos, fields, raw(start, fields));
                    if (!inArray && ordinal == 1) {
                        peekAfterFirstObject();
                    }
                    return record;
                }
                Object value = JsonValues.read(parser);
                return RawRecord.unparseable(pos, raw(start, value), NOT_AN_OBJECT);
            }
        } catch (JsonProcessingException e) {
            return malformed(e);
        }
    }

    private JsonToken take() throws IOException {
        if (pendingError != null) {
            JsonProcessingException e = pendingError;
            pendingError = null;
            throw e;
        }
        if (pending != null) {
            JsonToken t = pending;
            pending = null;
            return t;
        }
        return parser.nextToken();
    }

    /** Looks past a first top-level object, to tell a single-object input from a sequence. */
    private void peekAfterFirstObject() throws IOException {
        try {
            pending = parser.nextToken();
            single = pending == null;
        } catch (JsonProcessingException e) {
            pendingError = e;
        }
    }

    private RawRecord malformed(JsonProcessingException e) {
        failed = true;
        JsonLocation loc = e.getLocation();
        long line = loc == null || loc.getLineNr() < 1 ? 1 : loc.getLineNr();
        return RawRecord.unparseable(nextPosition(line), "", "malformed JSON: "
                + JsonValues.describe(e) + "; the rest of the input cannot be read");
    }

    /** Returns the value's text as the input has it, else the value rendered as JSON. */
    private String raw(JsonLocation start, Object value) {
        String text = recording.text(start.getCharOffset(), parser.currentLocation()
                .getCharOffset());
        return text != null ? text : render(value);
    }

    private static String render(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
