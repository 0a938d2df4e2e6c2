package org.helpdesktriage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.internal.evaluate.ClassificationMetrics;
import org.helpdesktriage.core.internal.evaluate.ConfidenceAnalysis;
import org.helpdesktriage.core.internal.evaluate.CoveragePoint;
import org.helpdesktriage.core.internal.evaluate.LabelledData;
import org.helpdesktriage.core.internal.evaluate.PolicyResult;
import org.helpdesktriage.core.internal.evaluate.RoutedField;
import org.helpdesktriage.core.internal.evaluate.RoutingEvaluation;
import org.helpdesktriage.core.internal.evaluate.RoutingReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Measures how well the configuration (and a trained model) route labelled tickets. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Triages labelled tickets with the current configuration and compares a "
                + "routing field with each ticket's label: accuracy, macro-F1, weighted F1, "
                + "per-class precision/recall/F1/support and the confusion matrix.",
            "With --folds K, K-fold cross-validation: a model is trained on K-1 folds and "
                + "routes the held-out fold together with the configuration's rules. Whenever "
                + "a model takes part, each decision policy (rules_first, model_first, "
                + "rules_override) is reported on the same predictions, with its coverage and "
                + "precision. See docs/quality.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:evaluated", "1:an unexpected error", "2:the command line is wrong",
            "3:the input or configuration cannot be used"})
final class EvaluateCommand extends AbstractCommand {

    /** The routing fields that can be compared with labels. */
    enum Predict { category, assigned_to, priority }

    private static final List<Double> CURVE = List.of(0.0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95);

    @Mixin
    LabelledOptions labelled = new LabelledOptions();

    @Mixin
    TrainingOptions training = new TrainingOptions();

    @Option(names = "--predict", paramLabel = "FIELD", defaultValue = "category",
            description = "The routing field compared with the label: ${COMPLETION-CANDIDATES}.")
    Predict predict;

    @Option(names = "--folds", paramLabel = "K",
            description = "Cross-validates a trained model with K folds (rules + model).")
    Integer folds;

    @Option(names = "--group-field", paramLabel = "FIELD",
            description = "With --folds: cross-validates each group of records (e.g. a "
                    + "repository) on its own, one model per group, and reports each group.")
    String groupField;

    @Option(names = "--no-rules",
            description = "Leaves the configuration's rules out (to measure the model alone).")
    boolean noRules;

    @Option(names = "--min-confidence", paramLabel = "P",
            description = "The model's prediction is taken at this confidence or above. "
                    + "Default: classifier.min_confidence, else 0 (always). Needs a model: "
                    + "--folds, or classifier.model in the configuration.")
    Double minConfidence;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "The seed of the fold split and of training.")
    long seed;

    @Option(names = "--json", description = "Prints the figures as JSON.")
    boolean json;

    @Override
    ExitCode execute() {
        configOptions.overrides.putIfAbsent("cache_enabled", "false");
        TriageConfig config = config();
        if (noRules) {
            config = config.withRules(List.of());
        }
        if (folds != null && folds < 2) {
            throw new ParameterException(spec.commandLine(),
                    "--folds must be at least 2, got " + folds);
        }
        if (minConfidence != null && folds == null && config.classifierPolicy().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--min-confidence applies to a "
                    + "model, and none takes part: give --folds K, or name a model in the "
                    + "configuration's classifier.model");
        }
        if (minConfidence != null && !(minConfidence >= 0 && minConfidence <= 1)) {
            throw new ParameterException(spec.commandLine(),
                    "--min-confidence must be in [0, 1], got " + minConfidence);
        }
        if (groupField != null && folds == null) {
            throw new ParameterException(spec.commandLine(),
                    "--group-field trains one model per group: give --folds K too");
        }
        LabelledData data = LabelledData.read(labelled.input(groupField),
                config.ingestSettings(), clock()).requireLabels(folds == null ? 1 : 2);
        RoutingEvaluation.Builder evaluation = RoutingEvaluation.builder().config(config)
                .folds(folds == null ? 0 : folds).seed(seed).clock(clock())
                .trainer(training.trainer(seed))
                .field(RoutedField.valueOf(predict.name().toUpperCase(Locale.ROOT)))
                .byGroup(groupField != null);
        if (minConfidence != null) {
            evaluation.minConfidence(minConfidence);
        }
        long start = System.nanoTime();
        RoutingReport report = evaluation.build().run(data);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (json) {
            printJson(report, data, seconds);
        } else {
            printTables(report);
        }
        err().printf(Locale.ROOT, "helpdesk-triage: %s%s; evaluated in %.1f s%n",
                data.summary(), folds == null ? "" : String.format(Locale.ROOT,
                        "; %d folds, training %.1f s", folds, report.trainingSeconds()), seconds);
        return ExitCode.OK;
    }

    private void printTables(RoutingReport report) {
        PolicyResult primary = report.primary();
        out().print(primary.metrics().toTable());
        out().println();
        out().println("decided by: " + primary.decidedBy());
        if (report.policies().size() > 1) {
            out().println();
            out().println("decision policies, on the same predictions:");
            out().printf("%-15s %9s %9s %9s  %s%n", "policy", "accuracy", "coverage",
                    "precision", "decided by");
            for (PolicyResult p : report.policies()) {
                out().printf(Locale.ROOT, "%-15s %9.4f %9.4f %9.4f  %s%n", p.name(),
                        p.metrics().accuracy(), p.coverage(), p.precision(), p.decidedBy());
            }
        }
        report.modelAlone().ifPresent(m -> {
            out().println();
            out().printf(Locale.ROOT, "model alone: accuracy %.4f  macro-F1 %.4f%n",
                    m.accuracy(), m.macroF1());
            out().println("as its confidence threshold rises:");
            out().printf("%9s %9s %9s%n", "threshold", "coverage", "precision");
            for (CoveragePoint p : ConfidenceAnalysis.curve(report.model(), CURVE)) {
                out().printf(Locale.ROOT, "%9.2f %9.4f %9.4f%n", p.threshold(), p.coverage(),
                        p.precision());
            }
            ConfidenceAnalysis.thresholdForCoverage(report.model(), 0.8).ifPresent(p ->
                    out().printf(Locale.ROOT, "at 80%% coverage: threshold %.4f, coverage "
                            + "%.4f, precision %.4f%n", p.threshold(), p.coverage(),
                            p.precision()));
        });
        if (!report.groups().isEmpty()) {
            out().println();
            out().println(report.model().isEmpty() ? "per group:"
                    : "model alone, per group (one model each):");
            out().printf("%-28s %9s %9s %9s%n", "group", "accuracy", "macro-F1", "n");
            for (Map.Entry<String, ClassificationMetrics> g : report.groups().entrySet()) {
                out().printf(Locale.ROOT, "%-28s %9.4f %9.4f %9d%n", g.getKey(),
                        g.getValue().accuracy(), g.getValue().macroF1(), g.getValue().total());
            }
        }
    }

    private void printJson(RoutingReport report, LabelledData data, double seconds) {
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
        out().println(root.toPrettyString());
    }
}
