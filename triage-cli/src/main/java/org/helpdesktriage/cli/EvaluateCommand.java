package org.helpdesktriage.cli;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.internal.evaluate.LabelledData;
import org.helpdesktriage.core.internal.evaluate.RoutedField;
import org.helpdesktriage.core.internal.evaluate.RoutingEvaluation;
import org.helpdesktriage.core.internal.evaluate.RoutingReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Mixin
    ReportOption report = new ReportOption();

    @Override
    void files(CommandFiles files) {
        super.files(files);
        files.input("LABELLED_FILE", labelled.file).output("--report", report.file);
    }

    @Override
    ExitCode execute() throws IOException {
        configOptions.overrides.putIfAbsent("cache_enabled", "false");
        TriageConfig config = config();
        if (noRules) {
            config = config.withRules(List.of());
        }
        if (folds != null && folds < 2) {
            throw usage("--folds must be at least 2, got " + folds);
        }
        if (minConfidence != null && folds == null && config.classifierPolicy().isEmpty()) {
            throw usage("--min-confidence applies to a model, and none takes part: give "
                + "--folds K, or name a model in the configuration's classifier.model");
        }
        if (minConfidence != null && !(minConfidence >= 0 && minConfidence <= 1)) {
            throw usage("--min-confidence must be in [0, 1], got " + minConfidence);
        }
        if (groupField != null && folds == null) {
            throw usage("--group-field trains one model per group: give --folds K too");
        }
        LabelledData data = LabelledData.read(labelled.input(groupField),
                config, clock()).requireLabels(folds == null ? 1 : 2);
        RoutingEvaluation.Builder evaluation = RoutingEvaluation.builder().config(config)
                .folds(folds == null ? 0 : folds).seed(seed).clock(clock())
                .trainer(training.trainer(seed))
                .field(RoutedField.valueOf(predict.name().toUpperCase(Locale.ROOT)))
                .byGroup(groupField != null);
        if (minConfidence != null) {
            evaluation.minConfidence(minConfidence);
        }
        long start = System.nanoTime();
        RoutingReport result = evaluation.build().run(data);
        double seconds = (System.nanoTime() - start) / 1e9;
        new EvaluatePrinter(out()).print(result, data, seconds, json).writeReport(report.file,
                result, predict.name(), data.summary(), minConfidence != null ? minConfidence
                        : EvaluatePrinter.threshold(config));
        err().printf(Locale.ROOT, "helpdesk-triage: %s%s; evaluated in %.1f s%n",
                data.summary(), folds == null ? "" : String.format(Locale.ROOT,
                        "; %d folds, training %.1f s", folds, result.trainingSeconds()), seconds);
        return ExitCode.OK;
    }
}
