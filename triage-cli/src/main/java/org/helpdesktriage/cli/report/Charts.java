package org.helpdesktriage.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The kinds of chart the reports draw, written as SVG by the templates: no chart library
 * writes SVG with marks a screen reader, a test and a stylesheet can address one by one (see
 * docs/quality.md, "The HTML report").
 */
final class Charts {

    private static final double LABEL = 170;
    private static final double ROW = 22;

    private Charts() {
    }

    /**
     * One series of a bar or line chart: its name, its CSS class ({@code s1}..{@code s4}), a
     * value per category and how a value reads.
     */
    record Series(String name, String cls, List<Double> values, DoubleFunction<String> format) {
    }

    /**
     * A heat map of counts: a cell per row and column, shaded by the count's share of its row,
     * with the count and that share written in the cell and in its tooltip.
     */
    static Chart heatmap(String title, List<String> rows, List<String> cols, long[][] counts,
            String rowName, String colName) {
        double cell = Math.max(34, Math.min(60, 640.0 / Math.max(1, cols.size())));
        double left = LABEL;
        double top = 120;
        Chart c = new Chart(title, left + cell * cols.size() + 10,
                top + cell * rows.size() + 10);
        for (int j = 0; j < cols.size(); j++) {
            double x = left + j * cell + cell / 2;
            c.upright("col", x + 4, top - 6, clip(cols.get(j), 18));
        }
        c.text("axis-name", left, 14, "start", colName + " \u2192");
        for (int i = 0; i < rows.size(); i++) {
            long rowTotal = 0;
            for (long v : counts[i]) {
                rowTotal += v;
            }
            double y = top + i * cell;
            c.text("row", left - 6, y + cell / 2 + 4, "end", clip(rows.get(i), 24));
            for (int j = 0; j < cols.size(); j++) {
                long v = counts[i][j];
                double share = rowTotal == 0 ? 0 : (double) v / rowTotal;
                String tip = String.format(Locale.ROOT, "%s %s, %s %s: %d (%.1f%% of the row)",
                        rowName, rows.get(i), colName, cols.get(j), v, 100 * share);
                c.rect("cell", i == j ? "heat diag" : "heat", left + j * cell, y, cell - 2,
                        cell - 2, 0.06 + 0.94 * share, tip);
                if (v > 0) {
                    String cls = share > 0.55 ? "in-cell strong" : "in-cell";
                    c.text(cls, left + j * cell + cell / 2 - 1, y + cell / 2 - 2, "middle",
                            String.valueOf(v));
                    c.text(cls + " small", left + j * cell + cell / 2 - 1, y + cell / 2 + 10,
                            "middle", String.format(Locale.ROOT, "%.0f%%", 100 * share));
                }
            }
        }
        c.text("axis-name", 4, top - 8, "start", rowName + " \u2193");
        return c;
    }

    /** Horizontal bars, one group per category, one bar per series, scaled to {@code max}. */
    static Chart bars(String title, List<String> categories, List<Series> series, double max,
            Double reference, String referenceName) {
        double plot = 460;
        double group = ROW * series.size() + 8;
        double top = 30;
        Chart c = new Chart(title, LABEL + plot + 90, top + group * categories.size() + 30);
        double scale = max <= 0 ? 0 : plot / max;
        for (int k = 0; k < series.size(); k++) {
            c.legend(series.get(k).cls(), series.get(k).name());
        }
        for (int i = 0; i < categories.size(); i++) {
            double y = top + i * group;
            c.text("row", LABEL - 6, y + group / 2, "end", clip(categories.get(i), 24));
            for (int k = 0; k < series.size(); k++) {
                Series s = series.get(k);
                double v = s.values().get(i);
                double by = y + k * ROW;
                String shown = s.format().apply(v);
                c.rect("bar", "bar " + s.cls(), LABEL, by, v * scale, ROW - 4, null,
                        categories.get(i) + ", " + s.name() + ": " + shown);
                c.text("value", LABEL + v * scale + 4, by + ROW - 9, "start", shown);
            }
        }
        double bottom = top + group * categories.size();
        c.line("axis", LABEL, top - 4, LABEL, bottom);
        if (reference != null && max > 0) {
            double x = LABEL + reference * scale;
            c.line("reference", x, top - 10, x, bottom);
            c.text("reference-name", x, bottom + 16, "middle", referenceName);
        }
        return c;
    }

    /**
     * Vertical bars over an ordered axis (days, runs), one bar per series at each point; about
     * eight points are labelled.
     */
    static Chart columns(String title, List<String> points, List<Series> series, double max) {
        double plotHeight = 200;
        double top = 20;
        double left = 50;
        double plot = 760;
        double slot = plot / Math.max(1, points.size());
        double bar = Math.min(36, Math.max(1, (slot - 2) / series.size()));
        double pad = (slot - bar * series.size()) / 2;
        Chart c = new Chart(title, left + plot + 20, top + plotHeight + 60);
        max = nice(max);
        double scale = max <= 0 ? 0 : plotHeight / max;
        series.forEach(s -> c.legend(s.cls(), s.name()));
        axisY(c, left, top, plotHeight, max, plot);
        int labelEvery = Math.max(1, (int) Math.ceil(points.size() / 8.0));
        for (int i = 0; i < points.size(); i++) {
            double x = left + i * slot;
            for (int k = 0; k < series.size(); k++) {
                Series s = series.get(k);
                double v = s.values().get(i);
                c.rect("bar", "bar " + s.cls(), x + pad + k * bar, top + plotHeight - v * scale,
                        Math.max(1, bar - 1), v * scale, null, points.get(i) + ", " + s.name()
                                + ": " + s.format().apply(v));
            }
            if (i % labelEvery == 0) {
                c.text("col-x", x + slot / 2, top + plotHeight + 14, "middle",
                        clip(points.get(i), 16));
            }
        }
        return c;
    }

    /**
     * Lines with a point per category (runs over time), each series its own class; the points
     * carry the figures.
     */
    static Chart lines(String title, List<String> points, List<Series> series, double max) {
        double plotHeight = 200;
        double top = 20;
        double left = 50;
        double plot = 760;
        double step = plot / Math.max(1, points.size());
        Chart c = new Chart(title, left + plot + 20, top + plotHeight + 60);
        max = nice(max);
        double scale = max <= 0 ? 0 : plotHeight / max;
        axisY(c, left, top, plotHeight, max, plot);
        int labelEvery = Math.max(1, (int) Math.ceil(points.size() / 6.0));
        for (Series s : series) {
            c.legend(s.cls(), s.name());
            List<double[]> xy = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                double v = s.values().get(i);
                double[] p = {left + i * step + step / 2, top + plotHeight - v * scale};
                xy.add(p);
                c.circle("point", "point " + s.cls(), p[0], p[1], 3.5,
                        points.get(i) + ", " + s.name() + ": " + s.format().apply(v));
            }
            c.poly("series " + s.cls(), xy);
        }
        for (int i = 0; i < points.size(); i += labelEvery) {
            c.text("col-x", left + i * step + step / 2, top + plotHeight + 14, "middle",
                    clip(points.get(i), 16));
        }
        return c;
    }

    /**
     * Precision against coverage as the model's confidence threshold rises: a point per
     * threshold, the chosen threshold ringed.
     */
    static Chart curve(String title, List<double[]> coveragePrecision, List<String> tips,
            double[] marked, String markedTip) {
        double size = 300;
        double left = 60;
        double top = 20;
        Chart c = new Chart(title, left + size + 40, top + size + 50);
        c.line("axis", left, top, left, top + size).line("axis", left, top + size,
                left + size, top + size);
        for (int t = 0; t <= 4; t++) {
            double v = t / 4.0;
            c.text("tick", left - 6, top + size - v * size + 4, "end", pct(v));
            c.text("tick", left + v * size, top + size + 16, "middle", pct(v));
            c.line("grid", left, top + size - v * size, left + size, top + size - v * size);
        }
        c.text("axis-name", left + size / 2, top + size + 38, "middle", "coverage");
        c.upright("axis-name", 16, top + size / 2 + 28, "precision");
        List<double[]> xy = new ArrayList<>();
        for (int i = 0; i < coveragePrecision.size(); i++) {
            double[] p = coveragePrecision.get(i);
            double[] at = {left + p[0] * size, top + size - p[1] * size};
            xy.add(at);
            c.circle("point", "point s1", at[0], at[1], 4, tips.get(i));
        }
        c.poly("series s1", xy);
        if (marked != null) {
            double x = left + marked[0] * size;
            double y = top + size - marked[1] * size;
            c.line("reference", x, top, x, top + size);
            c.rect("threshold", "marker", x - 7, y - 7, 14, 14, null, markedTip);
        }
        return c;
    }

    private static void axisY(Chart c, double left, double top, double plotHeight, double max,
            double width) {
        c.line("axis", left, top, left, top + plotHeight)
                .line("axis", left, top + plotHeight, left + width, top + plotHeight);
        for (int t = 0; t <= 4; t++) {
            double v = max * t / 4;
            double y = top + plotHeight - plotHeight * t / 4;
            c.line("grid", left, y, left + width, y);
            c.text("tick", left - 6, y + 4, "end", compact(v));
        }
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    private static String compact(double v) {
        if (v == Math.rint(v)) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, v >= 10 ? "%.0f" : v >= 1 ? "%.1f" : "%.3f", v);
    }

    // whole ticks for counts of 1 or more: the axis ends at the next multiple of 4
    private static double nice(double max) {
        return max >= 1 ? Math.ceil(max / 4) * 4 : max;
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
