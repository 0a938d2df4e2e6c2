package org.helpdesktriage.core.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.internal.ingest.fields.FieldNames;
import org.helpdesktriage.core.model.InputLimits;

/**
 * Reads CSV (RFC 4180) with a header row. Header cells are normalised like every key
 * ("Ticket ID" to {@code ticket_id}); each later row is a record of string values keyed by the
 * header, and a row with more cells than the header is an unparseable record. Blank lines are
 * skipped. A cell is quoted when it starts with {@code "}; inside quotes {@code ""} is a quote and
 * line breaks belong to the cell. A quote never closed cannot be recovered from: it becomes one
 * unparseable record and ends the input.
 *
 * <p>The scanner is written here rather than taken from Jackson's CSV module, which holds a whole
 * cell in memory and cannot go on after one: to skip a row longer than the record limit it must
 * know where the row ends, which means knowing the quoting, which is all of CSV.
 */
final class CsvRecordReader extends AbstractRecordReader {

    private final CharSource in;
    private final InputLimits limits;
    private String[] header;
    private String headerProblem;
    private boolean failed;
    private final List<String> cells = new ArrayList<>();
    private final StringBuilder cell = new StringBuilder();
    private long rowLine;
    private long rowLength;
    private boolean unclosed;
    private boolean tooManyCells;

    CsvRecordReader(CharSource in, String source, InputLimits limits) {
        super(source, in);
        this.in = in;
        this.limits = limits;
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
        if (header == null) {
            if (!readRow()) {
                return null;
            }
            if (unclosed || rowLength > limits.maxRecordLength() || tooManyCells) {
                failed = true;
                String why = unclosed ? "a quoted cell is never closed"
                        : tooManyCells ? "it has more than " + limits.maxKeys()
                                + " columns (max_keys)"
                        : "it is " + rowLength + " characters long, over the limit of "
                                + limits.maxRecordLength() + " (max_record_length)";
                return RawRecord.unparseable(nextPosition(rowLine), "", "the header row cannot"
                        + " be read: " + why + "; the rest of the input cannot be read");
            }
            readHeader();
        }
        if (!readRow()) {
            return null;
        }
        SourcePosition pos = nextPosition(rowLine);
        lastLength = Math.min(rowLength, limits.maxRecordLength());
        if (unclosed) {
            failed = true;
            return RawRecord.unparseable(pos, "", "malformed CSV: the quoted cell that starts"
                    + " on line " + rowLine + " is never closed; the rest of the input cannot"
                    + " be read");
        }
        if (rowLength > limits.maxRecordLength()) {
            return Oversize.record(pos, render(cells), rowLength, limits);
        }
        boolean malformed = in.takeMalformed();
        String raw = render(cells);
        if (cells.size() > header.length || tooManyCells) {
            return Utf8Notes.check(RawRecord.unparseable(pos, raw, "the row has "
                    + (tooManyCells ? "more than " + limits.maxKeys() : cells.size())
                    + " cells but the header has " + header.length), malformed);
        }
        if (headerProblem != null) {
            return Utf8Notes.check(RawRecord.unparseable(pos, raw, headerProblem), malformed);
        }
        Map<String, Object> fields = new LinkedHashMap<>(header.length * 2);
        for (int i = 0; i < cells.size(); i++) {
            fields.put(header[i], cells.get(i));
        }
        return Utf8Notes.check(RawRecord.of(pos, fields, raw), malformed);
    }

    // an over-long column name makes every row unreadable, each rejected with its own text
    private void readHeader() {
        header = new String[cells.size()];
        for (int i = 0; i < header.length; i++) {
            String name = FieldNames.normalize(cells.get(i));
            header[i] = name.isEmpty() ? "column_" + (i + 1) : name;
            if (header[i].length() > limits.maxKeyLength() && headerProblem == null) {
                headerProblem = "the name of column " + (i + 1) + " is " + header[i].length()
                        + " characters long, over the limit of " + limits.maxKeyLength()
                        + " (max_key_length)";
            }
        }
    }

    /** Reads the next non-blank row into {@link #cells}; false at the end of the input. */
    private boolean readRow() throws IOException {
        while (true) {
            cells.clear();
            cell.setLength(0);
            in.takeMalformed();
            rowLine = in.line();
            rowLength = 0;
            unclosed = false;
            tooManyCells = false;
            int c = in.read();
            if (c < 0) {
                return false;
            }
            boolean atStart = true;
            boolean quoted = false;
            while (true) {
                if (c < 0) {
                    unclosed = quoted;
                    break;
                }
                if (quoted) {
                    if (c == '"') {
                        if (in.peek() == '"') {
                            in.read();
                            keep('"');
                        } else {
                            quoted = false;
                        }
                    } else {
                        keep(c);
                    }
                } else if (atStart && c == '"') {
                    quoted = true;
                    rowLength++;
                } else if (c == ',') {
                    endCell();
                    atStart = true;
                    c = in.read();
                    continue;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && in.peek() == '\n') {
                        in.read();
                    }
                    break;
                } else {
                    keep(c);
                }
                atStart = false;
                c = in.read();
            }
            endCell();
            if (unclosed || !(cells.size() == 1 && cells.get(0).isBlank())) {
                return true;
            }
            // a blank line: skip it
        }
    }

    // past the record limit characters are counted, not kept; a pair's high half is dropped
    // with its low half, so an over-long row's kept text is always valid UTF-16
    private void keep(int c) {
        int max = limits.maxRecordLength();
        if (rowLength++ < max && !(rowLength == max && Character.isHighSurrogate((char) c))) {
            cell.append((char) c);
        }
    }

    private void endCell() {
        rowLength++;
        if (cells.size() < limits.maxKeys() + 1) {
            cells.add(cell.toString());
        } else {
            tooManyCells = true;
        }
        cell.setLength(0);
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
