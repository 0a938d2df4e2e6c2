package org.helpdesktriage.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with left-aligned columns, for list commands without --json. */
final class Table {

    private static final int MAX_CELL = 60;

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private boolean wrapLast;

    Table(String... header) {
        this.header = List.of(header);
    }

    /**
     * Keeps the last column's cells whole, wrapped at word boundaries into lines of at most
     * {@value #MAX_CELL} characters under its heading, instead of cut (a reason, a message).
     */
    Table wrapLast() {
        this.wrapLast = true;
        return this;
    }

    Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + header.size()
                    + " columns");
        }
        List<String> row = new ArrayList<>(cells.length);
        for (int i = 0; i < cells.length; i++) {
            row.add(cell(cells[i], wrapLast && i == cells.length - 1));
        }
        rows.add(row);
        return this;
    }

    private static String cell(Object value, boolean whole) {
        String s = value == null ? "-" : value.toString().replaceAll("\\s+", " ");
        return s.length() > MAX_CELL && !whole ? s.substring(0, MAX_CELL - 3) + "..." : s;
    }

    // the text in lines of at most MAX_CELL characters, broken at spaces where there are any
    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (rest.length() > MAX_CELL) {
            int cut = rest.lastIndexOf(' ', MAX_CELL);
            if (cut <= 0) {
                cut = MAX_CELL;
            }
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        lines.add(rest);
        return lines;
    }

    void print(PrintWriter out) {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        line(out, header, width);
        int last = header.size() - 1;
        for (List<String> r : rows) {
            if (!wrapLast) {
                line(out, r, width);
                continue;
            }
            List<String> lines = wrap(r.get(last));
            List<String> first = new ArrayList<>(r);
            first.set(last, lines.get(0));
            line(out, first, width);
            int indent = 0;
            for (int i = 0; i < last; i++) {
                indent += width[i] + 2;
            }
            for (String more : lines.subList(1, lines.size())) {
                out.println(" ".repeat(indent) + more);
            }
        }
    }

    private static void line(PrintWriter out, List<String> cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            sb.append(cells.get(i));
            if (i < cells.size() - 1) {
                sb.append(" ".repeat(width[i] - cells.get(i).length() + 2));
            }
        }
        out.println(sb);
    }
}
