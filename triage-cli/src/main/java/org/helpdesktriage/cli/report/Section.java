package org.helpdesktriage.cli.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A part of a report: a heading, a line that says what it shows, and figures (a chart with
 * its table beside it, or a table alone); or, when there is nothing to show, a visible message
 * that says why instead of an empty chart.
 */
public final class Section {

    private final String id;
    private final String heading;
    private final String intro;
    private final List<Figure> figures = new ArrayList<>();
    private String message;

    /** A chart (or none) and the table of its figures. */
    public record Figure(Chart chart, DataTable table) {
    }

    Section(String id, String heading, String intro) {
        this.id = id;
        this.heading = heading;
        this.intro = intro;
    }

    Section figure(Chart chart, DataTable table) {
        figures.add(new Figure(chart, table));
        return this;
    }

    /** Says why the section shows no figures (or adds a remark below them). */
    Section message(String text) {
        this.message = text;
        return this;
    }

    public String id() {
        return id;
    }

    public String heading() {
        return heading;
    }

    public String intro() {
        return intro;
    }

    public List<Figure> figures() {
        return figures;
    }

    public String message() {
        return message;
    }
}
