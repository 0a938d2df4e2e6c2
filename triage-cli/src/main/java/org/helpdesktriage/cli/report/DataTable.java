package org.helpdesktriage.cli.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A table of a report: the figures of the chart beside it, readable without colour, by a
 * screen reader and on paper. A numeric cell keeps its exact value in {@code data-value} (for
 * sorting, and for tests that compare it with the command's JSON).
 */
public final class DataTable {

    private final String id;
    private final String caption;
    private final List<String> headers;
    private final List<Row> rows = new ArrayList<>();
    private String note;

    /** One row: its cells, in header order. */
    public record Row(List<Cell> cells) {
    }

    /** One cell: the text shown, and for a number its exact value. */
    public record Cell(String text, String value, boolean num, boolean head) {
    }

    DataTable(String id, String caption, String... headers) {
        this.id = id;
        this.caption = caption;
        this.headers = List.of(headers);
    }

    /**
     * Adds a row; the first value heads the row. A {@code Double} is shown with four decimals,
     * a whole number as it is, anything else as text ({@code null} as empty).
     */
    DataTable row(Object... values) {
        if (values.length != headers.size()) {
            throw new IllegalArgumentException("table " + id + " has " + headers.size()
                    + " columns, a row gave " + values.length + ": " + Arrays.toString(values));
        }
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            cells.add(cell(values[i], i == 0));
        }
        rows.add(new Row(cells));
        return this;
    }

    /** Adds a line under the table (a count of rows left out, say). */
    DataTable note(String text) {
        this.note = text;
        return this;
    }

    /** A figure shown as {@code text} (a count with its share, say) but valued as itself. */
    record Shown(String text, Number value) {
    }

    private static Cell cell(Object v, boolean head) {
        if (v instanceof Shown s) {
            return new Cell(s.text(), String.valueOf(s.value()), true, head);
        }
        if (v instanceof Double d) {
            String text = d.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.4f", d);
            return new Cell(text, String.valueOf(d), true, head);
        }
        if (v instanceof Number n) {
            return new Cell(String.valueOf(n), String.valueOf(n), true, head);
        }
        return new Cell(v == null ? "" : v.toString(), null, false, head);
    }

    public String id() {
        return id;
    }

    public String caption() {
        return caption;
    }

    public List<String> headers() {
        return headers;
    }

    public List<Row> rows() {
        return rows;
    }

    public String note() {
        return note;
    }

    public boolean empty() {
        return rows.isEmpty();
    }
}
