package org.helpdesktriage.core.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.ingest.fields.FieldNames;
import org.helpdesktriage.core.internal.io.TicketJson;
import org.helpdesktriage.core.model.InputLimits;

/**
 * Opens {@link RecordReader}s on files and streams, detecting the format when it is not given.
 *
 * <pre>{@code
 * try (RecordReader reader = RecordReaders.open(System.in, "<stdin>")) {
 *     reader.forEachRemaining(record -> ...);
 * }
 * }</pre>
 *
 * <p>Inputs are read as UTF-8; a leading byte-order mark is skipped. Every reader streams: memory
 * use does not grow with the size of the input.
 */
public final class RecordReaders {

    /** How many bytes are looked at to detect the format. */
    static final int SNIFF_BYTES = 64 * 1024;

    private static final JsonFactory JSON = new JsonFactory();
    private static final JsonFactory DEFAULT_INPUT = inputFactory(InputLimits.defaults());

    private RecordReaders() {
    }

    /**
     * Returns a reader of {@code in} in the given format. The reader owns the stream and closes
     * it.
     *
     * @param in the input
     * @param format the input's format
     * @param sourceName the input's name in source positions and messages
     */
    public static RecordReader open(InputStream in, InputFormat format, String sourceName) {
        return open(in, format, sourceName, InputLimits.defaults());
    }

    /**
     * Returns a reader of {@code in} in the given format, or, when {@code format} is
     * {@code null}, in the format its first bytes show (standard input has no extension). The
     * reader owns the stream and closes it.
     *
     * @param in the input
     * @param format the input's format, or {@code null} to detect it
     * @param sourceName the input's name in source positions and messages
     * @param limits the limits every record is read within
     * @throws TriageException with {@link ErrorCode#INPUT_UNREADABLE} when no format fits
     */
    public static RecordReader open(InputStream in, InputFormat format, String sourceName,
            InputLimits limits) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(limits, "limits");
        if (format == null) {
            return open(in, null, null, sourceName, limits);
        }
        try {
            InputStream body = skipBom(in instanceof BufferedInputStream
                    ? in : new BufferedInputStream(in, SNIFF_BYTES));
            CharSource chars = new CharSource(body);
            switch (format) {
                case JSON:
                    return new JsonRecordReader(chars, sourceName, factory(limits), limits);
                case JSONL:
                    return new JsonLinesRecordReader(chars, sourceName, factory(limits),
                            limits);
                case CSV:
                    return new CsvRecordReader(chars, sourceName, limits);
                case TEXT:
                default:
                    return new TextRecordReader(chars, sourceName, limits);
            }
        } catch (IOException e) {
            throw unreadable(sourceName, e);
        }
    }

    private static JsonFactory factory(InputLimits limits) {
        return limits.equals(InputLimits.defaults()) ? DEFAULT_INPUT : inputFactory(limits);
    }

    private static JsonFactory inputFactory(InputLimits limits) {
        return JsonFactory.builder().streamReadConstraints(limits.parseConstraints()).build();
    }

    /**
     * Reads one ticket given as a JSON object, as a record of a JSON Lines input would be read:
     * text that is not one JSON object is an unparseable record saying why, never an exception.
     *
     * @param json the JSON text of one object
     * @param sourceName the record's name in its source position and in messages
     */
    public static RawRecord readObject(String json, String sourceName) {
        return readObject(json, sourceName, InputLimits.defaults());
    }

    /**
     * Reads one ticket given as a JSON object within {@code limits}; see
     * {@link #readObject(String, String)}.
     */
    public static RawRecord readObject(String json, String sourceName, InputLimits limits) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(limits, "limits");
        SourcePosition pos = new SourcePosition(sourceName, 1, 1);
        if (json.length() > limits.maxRecordLength()) {
            return Oversize.record(pos, json, json.length(), limits);
        }
        return JsonLinesRecordReader.parse(factory(limits), limits, pos, json);
    }

    /**
     * Returns the ticket id a record's fields name, under {@code ticket_id} or one of its aliases
     * ({@code id}, {@code ticket}; keys compared as the ingest normalises them), stripped; empty
     * when there is none or it is not a string or number.
     */
    public static Optional<String> ticketId(Map<String, ?> fields) {
        Objects.requireNonNull(fields, "fields");
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            FieldNames.Ref ref = e.getKey() == null ? null
                    : FieldNames.ref(FieldNames.normalize(e.getKey()));
            Object v = e.getValue();
            if (ref != null && ref.field().equals("ticket_id")
                    && (v instanceof String || v instanceof Number)
                    && !v.toString().isBlank()) {
                return Optional.of(v.toString().strip());
            }
        }
        return Optional.empty();
    }

    /**
     * Returns a record of fields given in code, as a parsed input record would hold them; its
     * raw text, kept for rejects, is the fields as JSON.
     *
     * @param fields field names to values: strings, numbers, booleans, {@code null}, and lists
     *     and maps of them
     * @param sourceName the record's name in its source position and in messages
     */
    public static RawRecord readFields(Map<String, ?> fields, String sourceName) {
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(sourceName, "sourceName");
        StringWriter raw = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(raw)) {
            TicketJson.writeValue(g, fields);
        } catch (IOException e) {
            throw new IllegalArgumentException("fields cannot be written as JSON: " + e, e);
        }
        return RawRecord.of(new SourcePosition(sourceName, 1, 1), new LinkedHashMap<>(fields),
                raw.toString());
    }

    /**
     * Returns a reader of {@code in}, whose format is told by {@code sourceName}'s extension or
     * else by its first bytes (see {@link InputFormat#detect}); works on standard input.
     *
     * @throws TriageException with {@link ErrorCode#INPUT_UNREADABLE} when no format fits
     */
    public static RecordReader open(InputStream in, String sourceName) {
        return open(in, null, sourceName, sourceName, InputLimits.defaults());
    }

    /**
     * Returns a reader of a file, whose format is told by its extension or else by its content.
     *
     * @throws TriageException with {@link ErrorCode#INPUT_UNREADABLE} when the file cannot be
     *     opened or no format fits
     */
    public static RecordReader open(Path file) {
        return open(file, null);
    }

    /**
     * Returns a reader of a file in {@code format}, or, when it is {@code null}, in the format
     * its extension or content shows.
     *
     * @throws TriageException with {@link ErrorCode#INPUT_UNREADABLE} when the file cannot be
     *     opened or no format fits
     */
    public static RecordReader open(Path file, InputFormat format) {
        return open(file, format, InputLimits.defaults());
    }

    /**
     * Returns a reader of a file in {@code format}, or, when it is {@code null}, in the format
     * its extension or content shows, reading every record within {@code limits}.
     *
     * @throws TriageException with {@link ErrorCode#INPUT_UNREADABLE} when the file cannot be
     *     opened or no format fits
     */
    public static RecordReader open(Path file, InputFormat format, InputLimits limits) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(limits, "limits");
        String name = file.toString();
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new TriageException(ErrorCode.INPUT_UNREADABLE,
                    name + ": the file does not exist", e);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
        Path fileName = file.getFileName();
        return open(in, format, fileName == null ? null : fileName.toString(), name, limits);
    }

    /**
     * Returns a reader of {@code in}, a stream the caller opened on a file (to count its bytes,
     * say), in format {@code explicit} or, when it is {@code null}, the one {@code fileName}'s
     * extension or else the content shows. The reader owns the stream and closes it.
     *
     * @param in the input
     * @param explicit the format, or {@code null} to detect it
     * @param fileName the file's name, for its extension, or {@code null} (standard input)
     * @param sourceName the input's name in source positions and messages
     * @param limits the limits every record is read within
     * @throws TriageException with {@link ErrorCode#INPUT_UNREADABLE} when no format fits
     */
    public static RecordReader open(InputStream in, InputFormat explicit, String fileName,
            String sourceName, InputLimits limits) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        BufferedInputStream buffered = new BufferedInputStream(in, SNIFF_BYTES);
        InputFormat format = explicit != null ? explicit
                : fileName == null ? null : InputFormat.fromFileName(fileName).orElse(null);
        if (format == null) {
            try {
                buffered.mark(SNIFF_BYTES);
                byte[] head = buffered.readNBytes(SNIFF_BYTES);
                buffered.reset();
                format = InputFormat.detect(null, fileName, head, head.length, sourceName);
            } catch (IOException e) {
                closeQuietly(buffered);
                throw unreadable(sourceName, e);
            } catch (RuntimeException e) {
                closeQuietly(buffered);
                throw e;
            }
        }
        return open(buffered, format, sourceName, limits);
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        in.mark(3);
        byte[] b = in.readNBytes(3);
        if (!(b.length == 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB
                && (b[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
        return in;
    }

    private static TriageException unreadable(String source, IOException e) {
        return new TriageException(ErrorCode.INPUT_UNREADABLE,
                source + ": cannot read the input: " + e.getMessage(), e);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the input is abandoned after an earlier failure, which is the one reported
        }
    }
}
