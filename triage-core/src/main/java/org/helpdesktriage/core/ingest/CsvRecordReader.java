package org.helpdesktriage.core.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CSV with a header row. Header cells are normalised like every key ("Ticket ID" to
 * {@code ticket_id}); each later row is a record of string values keyed by the header, and a
 * row with more cells than the header is an unparseable record. Blank lines are skipped. A
 * broken quote cannot be recovered from: it becomes one unparseable record and ends the input.
 */
final class CsvRecordReader extends AbstractRecordReader {

    private final CsvParser parser;
    private String[] header;
    private boolean failed;
    private final List<String> cells = new ArrayList<>();
    private long rowLine;

    CsvRecordReader(Reader reader, String source, CsvFactory factory) throws IOException {
        this((CsvParser) factory.createParser(reader), source);
    }

    private CsvRecordReader(CsvParser parser, String source) {
        super(source, parser::close);
        this.parser = parser;
    }

    @Override
    public InputFormat format() {
        return InputFormat.CSV;
    }

    @Override
    RawRecord readNext() throws IOException {
        if (failed) {
            return null;
        }
        try {
            if (header == null) {
                if (!readRow()) {
                    return null;
                }
                header = new String[cells.size()];
                for (int i = 0; i < header.length; i++) {
                    String name = FieldNames.normalize(cells.get(i));
                    header[i] = name.isEmpty() ? "column_" + (i + 1) : name;
                }
            }
            if (!readRow()) {
                return null;
            }
            long line = rowLine;
            SourcePosition pos = nextPosition(line);
            String raw = render(cells);
            if (cells.size() > header.length) {
                return RawRecord.unparseable(pos, raw, "the row has " + cells.size()
                        + " cells but the header has " + header.length);
            }
            Map<String, Object> fields = new LinkedHashMap<>(header.length * 2);
            for (int i = 0; i < cells.size(); i++) {
                fields.put(header[i], cells.get(i));
            }
            return RawRecord.of(pos, fields, raw);
        } catch (JsonProcessingException e) {
            failed = true;
            long line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            return RawRecord.unparseable(nextPosition(line), "", "malformed CSV: "
                    + e.getOriginalMessage() + "; the rest of the input cannot be read");
        }
    }

    /** Reads the next row's cells into {@link #cells}; false at the end of the input. */
    private boolean readRow() throws IOException {
        while (true) {
            JsonToken t = parser.nextToken();
            if (t == null) {
                return false;
            }
            if (t != JsonToken.START_ARRAY) {
                throw new IllegalStateException("unexpected CSV token " + t);
            }
            cells.clear();
            while ((t = parser.nextToken()) != JsonToken.END_ARRAY && t != null) {
                if (cells.isEmpty()) {
                    // the row's own start: START_ARRAY is placed at the previous row's end
                    rowLine = parser.currentTokenLocation().getLineNr();
                }
                cells.add(parser.getText());
            }
            if (!(cells.size() == 1 && cells.get(0).isBlank())) {
                return true;
            }
            // a blank line: skip it
        }
    }

    /** Renders cells as a CSV row, quoting where needed. */
    static String render(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i);
            boolean quote = false;
            for (int j = 0; j < c.length() && !quote; j++) {
                char ch = c.charAt(j);
                quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
            }
            if (quote) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
