package org.helpdesktriage.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.helpdesktriage.cli.report.Charts.Series;
import org.helpdesktriage.core.internal.evaluate.ClassMetrics;
import org.helpdesktriage.core.internal.evaluate.ClassificationMetrics;
import org.helpdesktriage.core.internal.evaluate.ConfidenceAnalysis;
import org.helpdesktriage.core.internal.evaluate.CoveragePoint;
import org.helpdesktriage.core.internal.evaluate.PolicyResult;
import org.helpdesktriage.core.internal.evaluate.RoutingReport;

/**
 * The report of {@code evaluate --report}: drawn from the same {@link RoutingReport} the
 * command prints, so the page and {@code --json} hold the same figures.
 */
public final class EvaluateHtml {

    private EvaluateHtml() {
    }

    /**
     * Returns the report of an evaluation.
     *
     * @param report what the evaluation measured
     * @param field the routing field compared with the labels
     * @param summary what was read (the command's summary line)
     * @param curve the thresholds of the precision/coverage curve, as {@code --json} gives them
     * @param threshold the configured confidence threshold (min_confidence) of the model
     */
    public static HtmlReport of(RoutingReport report, String field, String summary,
            List<Double> curve, double threshold) {
        PolicyResult primary = report.primary();
        ClassificationMetrics m = primary.metrics();
        HtmlReport page = new HtmlReport("Evaluation of " + field + " routing", summary);
        page.fact("tickets", m.total()).fact("accuracy", f4(m.accuracy()))
                .fact("macro-F1", f4(m.macroF1())).fact("weighted F1", f4(m.weightedF1()))
                .fact("policy", primary.name())
                .fact("folds", report.folds() == 0 ? "none" : report.folds());
        page.section(confusion(m, field));
        page.section(perClass(m));
        page.section(curve(report, curve, threshold));
        page.section(policies(report));
        page.section(groups(report));
        return page;
    }

    private static Section confusion(ClassificationMetrics m, String field) {
        List<String> labels = m.labels();
        long[][] counts = m.confusion();
        Chart chart = Charts.heatmap("Confusion matrix of " + field + ": rows actual, columns "
                + "predicted, shaded by the share of the row", labels, labels, counts, "actual",
                "predicted");
        List<String> headers = new ArrayList<>(List.of("actual \\ predicted"));
        headers.addAll(labels);
        DataTable table = new DataTable("confusion", "Confusion matrix (count and share of the row; row = actual)",
                headers.toArray(String[]::new));
        for (int i = 0; i < labels.size(); i++) {
            List<Object> row = new ArrayList<>(List.of(labels.get(i)));
            long total = java.util.Arrays.stream(counts[i]).sum();
            for (long v : counts[i]) {
                row.add(new DataTable.Shown(total == 0 ? "0" : String.format(Locale.ROOT,
                        "%d (%.0f%%)", v, 100.0 * v / total), v));
            }
            table.row(row.toArray());
        }
        return new Section("confusion", "Confusion matrix", "Each cell counts the tickets of "
                + "an actual " + field + " (row) routed to a predicted one (column), with its "
                + "share of the row; the diagonal is right.").figure(chart, table);
    }

    private static Section perClass(ClassificationMetrics m) {
        List<ClassMetrics> classes = m.perClass();
        List<String> labels = classes.stream().map(ClassMetrics::label).toList();
        Chart chart = Charts.bars("Precision, recall and F1 per class", labels, List.of(
                new Series("precision", "s1", classes.stream().map(ClassMetrics::precision)
                        .toList(), EvaluateHtml::f4),
                new Series("recall", "s2", classes.stream().map(ClassMetrics::recall).toList(),
                        EvaluateHtml::f4),
                new Series("F1", "s3", classes.stream().map(ClassMetrics::f1).toList(),
                        EvaluateHtml::f4)), 1.0, null, null);
        DataTable table = new DataTable("per-class", "Per class", "label", "precision",
                "recall", "f1", "support");
        classes.forEach(c -> table.row(c.label(), c.precision(), c.recall(), c.f1(),
                c.support()));
        return new Section("per-class", "Precision, recall and F1 per class", "Precision: the "
                + "share of a class's predictions that are right; recall: the share of its "
                + "tickets found; support: its tickets.").figure(chart, table);
    }

    private static Section curve(RoutingReport report, List<Double> thresholds,
            double threshold) {
        Section s = new Section("coverage", "The model's precision and coverage", "Keeping "
                + "only the model's predictions at or above a confidence threshold: the share "
                + "of tickets it still routes (coverage) and how many of those are right "
                + "(precision). The rest go to a person.");
        if (report.model().isEmpty()) {
            return s.message("No model took part in this evaluation, so there is no "
                    + "precision/coverage curve: give --folds K to cross-validate one, or name "
                    + "a trained model in the configuration's classifier.model.");
        }
        List<CoveragePoint> points = ConfidenceAnalysis.curve(report.model(), thresholds);
        CoveragePoint at = ConfidenceAnalysis.point(report.model(), threshold);
        List<double[]> xy = new ArrayList<>();
        List<String> tips = new ArrayList<>();
        DataTable table = new DataTable("coverage", "Precision and coverage by threshold",
                "threshold", "coverage", "precision", "kept");
        for (CoveragePoint p : points) {
            xy.add(new double[] {p.coverage(), p.precision()});
            tips.add(String.format(Locale.ROOT, "threshold %.2f: coverage %.4f, precision %.4f",
                    p.threshold(), p.coverage(), p.precision()));
            table.row(p.threshold(), p.coverage(), p.precision(), p.kept());
        }
        String markedTip = String.format(Locale.ROOT, "configured threshold (min_confidence) "
                + "%.2f: coverage %.4f, precision %.4f", threshold, at.coverage(), at.precision());
        Chart chart = Charts.curve("Precision against coverage as the threshold rises", xy, tips,
                new double[] {at.coverage(), at.precision()}, markedTip);
        DataTable marked = new DataTable("threshold", "At the configured threshold "
                + "(min_confidence)", "threshold", "coverage", "precision", "kept");
        marked.row(at.threshold(), at.coverage(), at.precision(), at.kept());
        return s.figure(chart, table).figure(null, marked);
    }

    private static Section policies(RoutingReport report) {
        Section s = new Section("policies", "Decision policies side by side", "Each policy on "
                + "the same predictions: accuracy over every ticket, coverage (routed by a rule "
                + "or the model) and the precision of those.");
        List<PolicyResult> ps = report.policies();
        List<String> names = ps.stream().map(PolicyResult::name).toList();
        Chart chart = Charts.bars("Accuracy, coverage and precision per decision policy", names,
                List.of(new Series("accuracy", "s1", ps.stream().map(p -> p.metrics()
                        .accuracy()).toList(), EvaluateHtml::f4),
                    new Series("coverage", "s2", ps.stream().map(PolicyResult::coverage)
                            .toList(), EvaluateHtml::f4),
                    new Series("precision", "s3", ps.stream().map(PolicyResult::precision)
                            .toList(), EvaluateHtml::f4)), 1.0, null, null);
        DataTable table = new DataTable("policies", "Decision policies", "policy", "accuracy",
                "macro-F1", "coverage", "precision", "decided by");
        for (PolicyResult p : ps) {
            table.row(p.name(), p.metrics().accuracy(), p.metrics().macroF1(), p.coverage(),
                    p.precision(), decidedBy(p.decidedBy()));
        }
        s.figure(chart, table);
        return ps.size() > 1 ? s : s.message("Only the rules took part: the decision policies "
                + "(rules_first, model_first, rules_override) are compared when a model does "
                + "(--folds K, or classifier.model).");
    }

    private static Section groups(RoutingReport report) {
        Section s = new Section("groups", "Per group", report.model().isEmpty()
                ? "The rules' figures within each group of records."
                : "The model alone within each group, one model per group.");
        if (report.groups().isEmpty()) {
            return s.message("Not evaluated by group: give --group-field FIELD with --folds K "
                    + "to measure each group (a repository, a customer) on its own.");
        }
        List<String> names = new ArrayList<>(report.groups().keySet());
        List<ClassificationMetrics> ms = new ArrayList<>(report.groups().values());
        Chart chart = Charts.bars("Accuracy and macro-F1 per group", names, List.of(
                new Series("accuracy", "s1", ms.stream().map(ClassificationMetrics::accuracy)
                        .toList(), EvaluateHtml::f4),
                new Series("macro-F1", "s2", ms.stream().map(ClassificationMetrics::macroF1)
                        .toList(), EvaluateHtml::f4)), 1.0, null, null);
        DataTable table = new DataTable("groups", "Per group", "group", "accuracy", "macro-F1",
                "n");
        report.groups().forEach((g, m) -> table.row(g, m.accuracy(), m.macroF1(), m.total()));
        return s.figure(chart, table);
    }

    private static String decidedBy(Map<String, Integer> by) {
        StringBuilder sb = new StringBuilder();
        by.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(v));
        return sb.toString();
    }

    static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
