package org.helpdesktriage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.helpdesktriage.cli.report.EvaluateHtml;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.internal.evaluate.ClassificationMetrics;
import org.helpdesktriage.core.internal.evaluate.ConfidenceAnalysis;
import org.helpdesktriage.core.internal.evaluate.CoveragePoint;
import org.helpdesktriage.core.internal.evaluate.LabelledData;
import org.helpdesktriage.core.internal.evaluate.PolicyResult;
import org.helpdesktriage.core.internal.evaluate.RoutingReport;

/** Prints an evaluation's report as {@code evaluate} shows it: tables, or JSON. */
final class EvaluatePrinter {

    static final List<Double> CURVE = List.of(0.0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95);

    private final PrintWriter out;

    EvaluatePrinter(PrintWriter out) {
        this.out = out;
    }

    void printTables(RoutingReport report) {
        PolicyResult primary = report.primary();
        out.print(primary.metrics().toTable());
        out.println();
        out.println("decided by: " + primary.decidedBy());
        if (report.policies().size() > 1) {
            out.println();
            out.println("decision policies, on the same predictions:");
            out.printf("%-15s %9s %9s %9s  %s%n", "policy", "accuracy", "coverage",
                    "precision", "decided by");
            for (PolicyResult p : report.policies()) {
                out.printf(Locale.ROOT, "%-15s %9.4f %9.4f %9.4f  %s%n", p.name(),
                        p.metrics().accuracy(), p.coverage(), p.precision(), p.decidedBy());
            }
        }
        report.modelAlone().ifPresent(m -> {
            out.println();
            out.printf(Locale.ROOT, "model alone: accuracy %.4f  macro-F1 %.4f%n",
                    m.accuracy(), m.macroF1());
            out.println("as its confidence threshold rises:");
            out.printf("%9s %9s %9s%n", "threshold", "coverage", "precision");
            for (CoveragePoint p : ConfidenceAnalysis.curve(report.model(), CURVE)) {
                out.printf(Locale.ROOT, "%9.2f %9.4f %9.4f%n", p.threshold(), p.coverage(),
                        p.precision());
            }
            ConfidenceAnalysis.thresholdForCoverage(report.model(), 0.8).ifPresent(p ->
                    out.printf(Locale.ROOT, "at 80%% coverage: threshold %.4f, coverage "
                            + "%.4f, precision %.4f%n", p.threshold(), p.coverage(),
                            p.precision()));
        });
        if (!report.groups().isEmpty()) {
            out.println();
            out.println(report.model().isEmpty() ? "per group:"
                    : "model alone, per group (one model each):");
            out.printf("%-28s %9s %9s %9s%n", "group", "accuracy", "macro-F1", "n");
            for (Map.Entry<String, ClassificationMetrics> g : report.groups().entrySet()) {
                out.printf(Locale.ROOT, "%-28s %9.4f %9.4f %9d%n", g.getKey(),
                        g.getValue().accuracy(), g.getValue().macroF1(), g.getValue().total());
            }
        }
    }

    /** Prints the figures as JSON or as tables, and returns this printer. */
    EvaluatePrinter print(RoutingReport report, LabelledData data, double seconds,
            boolean json) {
        if (json) {
            printJson(report, data, seconds);
        } else {
            printTables(report);
        }
        return this;
    }

    /** Returns the configured confidence threshold of the model: min_confidence, else 0. */
    static double threshold(TriageConfig config) {
        return config.classifierSettings().map(p -> p.minConfidence()).orElse(0.0);
    }

    /** Writes the HTML report to {@code file}; nothing without one. */
    void writeReport(Path file, RoutingReport report, String field, String summary,
            double threshold) throws IOException {
        if (file != null) {
            EvaluateHtml.of(report, field, summary, CURVE, threshold).write(file);
        }
    }

    void printJson(RoutingReport report, LabelledData data, double seconds) {
        ObjectMapper mapper = new ObjectMapper();
        PolicyResult primary = report.primary();
        ObjectNode root = primary.metrics().toJson(mapper);
        root.put("read", data.read());
        root.put("left_out", data.leftOutCount());
        ObjectNode reasons = root.putObject("left_out_by_reason");
        data.leftOut().forEach(l -> reasons.put(l.reason(), l.count()));
        root.put("truncated", data.truncated());
        root.put("filled", data.filled());
        root.put("folds", report.folds());
        root.put("seconds", seconds);
        root.put("training_seconds", report.trainingSeconds());
        root.put("policy", primary.name());
        ObjectNode by = root.putObject("decided_by");
        primary.decidedBy().forEach(by::put);
        ArrayNode policies = root.putArray("policies");
        for (PolicyResult p : report.policies()) {
            ObjectNode n = policies.addObject();
            n.put("policy", p.name());
            n.put("accuracy", p.metrics().accuracy());
            n.put("macro_f1", p.metrics().macroF1());
            n.put("coverage", p.coverage());
            n.put("precision", p.precision());
            ObjectNode d = n.putObject("decided_by");
            p.decidedBy().forEach(d::put);
        }
        report.modelAlone().ifPresent(m -> {
            ObjectNode model = root.putObject("model_alone");
            model.put("accuracy", m.accuracy());
            model.put("macro_f1", m.macroF1());
            ConfidenceAnalysis.thresholdForCoverage(report.model(), 0.8).ifPresent(p -> model
                    .put("precision_at_80_coverage", p.precision())
                    .put("threshold_at_80_coverage", p.threshold()));
        });
        ArrayNode c = root.putArray("model_coverage");
        for (CoveragePoint p : report.model().isEmpty() ? List.<CoveragePoint>of()
                : ConfidenceAnalysis.curve(report.model(), CURVE)) {
            c.addObject().put("threshold", p.threshold()).put("coverage", p.coverage())
                    .put("precision", p.precision());
        }
        if (!report.groups().isEmpty()) {
            ObjectNode groups = root.putObject("groups");
            report.groups().forEach((g, m) -> groups.set(g, m.toJson(mapper)));
        }
        out.println(root.toPrettyString());
    }
}
