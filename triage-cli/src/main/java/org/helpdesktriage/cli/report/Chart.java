package org.helpdesktriage.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An SVG chart as the template draws it: marks (rectangles, circles) that carry the figures,
 * each with a {@code data-mark} kind and a tooltip ({@code <title>}), plus axes, lines and
 * labels. Coordinates are in the chart's own units (its view box); the page scales it.
 */
public final class Chart {

    private final String title;
    private final double width;
    private final double height;
    private final List<Rect> rects = new ArrayList<>();
    private final List<Circle> circles = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<Poly> polys = new ArrayList<>();
    private final List<Text> texts = new ArrayList<>();
    private final List<Legend> legend = new ArrayList<>();

    Chart(String title, double width, double height) {
        this.title = title;
        this.width = width;
        this.height = height;
    }

    /** A rectangle; {@code mark} is null for decoration (no figure). */
    public record Rect(String mark, String cls, String x, String y, String w, String h,
            String opacity, String tip) {
    }

    /** A point of a curve. */
    public record Circle(String mark, String cls, String cx, String cy, String r, String tip) {
    }

    /** A straight line: an axis, a grid line, a threshold. */
    public record Line(String cls, String x1, String y1, String x2, String y2) {
    }

    /** A polyline through the points of a series. */
    public record Poly(String cls, String points) {
    }

    /** A label. */
    public record Text(String cls, String x, String y, String anchor, String text,
            String transform) {
    }

    /** A legend entry: the series' class and name. */
    public record Legend(String cls, String name) {
    }

    Chart rect(String mark, String cls, double x, double y, double w, double h, Double opacity,
            String tip) {
        rects.add(new Rect(mark, cls, n(x), n(y), n(Math.max(0, w)), n(Math.max(0, h)),
                opacity == null ? null : String.format(Locale.ROOT, "%.3f", opacity), tip));
        return this;
    }

    Chart circle(String mark, String cls, double cx, double cy, double r, String tip) {
        circles.add(new Circle(mark, cls, n(cx), n(cy), n(r), tip));
        return this;
    }

    Chart line(String cls, double x1, double y1, double x2, double y2) {
        lines.add(new Line(cls, n(x1), n(y1), n(x2), n(y2)));
        return this;
    }

    Chart poly(String cls, List<double[]> points) {
        StringBuilder sb = new StringBuilder();
        for (double[] p : points) {
            sb.append(sb.length() == 0 ? "" : " ").append(n(p[0])).append(',').append(n(p[1]));
        }
        polys.add(new Poly(cls, sb.toString()));
        return this;
    }

    Chart text(String cls, double x, double y, String anchor, String text) {
        texts.add(new Text(cls, n(x), n(y), anchor, text, null));
        return this;
    }

    /** A label read upwards, from its anchor. */
    Chart upright(String cls, double x, double y, String text) {
        texts.add(new Text(cls, n(x), n(y), "start", text,
                "rotate(-90 " + n(x) + " " + n(y) + ")"));
        return this;
    }

    Chart legend(String cls, String name) {
        legend.add(new Legend(cls, name));
        return this;
    }

    public String title() {
        return title;
    }

    public String width() {
        return n(width);
    }

    public String height() {
        return n(height);
    }

    public List<Rect> rects() {
        return rects;
    }

    public List<Circle> circles() {
        return circles;
    }

    public List<Line> lines() {
        return lines;
    }

    public List<Poly> polys() {
        return polys;
    }

    public List<Text> texts() {
        return texts;
    }

    public List<Legend> legend() {
        return legend;
    }

    public boolean hasLegend() {
        return !legend.isEmpty();
    }

    /** Returns the number of marks that carry a figure, as the browser tests count them. */
    public long marks() {
        return rects.stream().filter(r -> r.mark() != null).count() + circles.size();
    }

    // one decimal keeps the file small; the tables hold the exact figures
    static String n(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
