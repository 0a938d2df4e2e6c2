package org.helpdesktriage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.TriageResult;
import org.helpdesktriage.core.classify.ClassifierTrainer;
import org.helpdesktriage.core.classify.LabelledText;
import org.helpdesktriage.core.classify.TextClassifier;
import org.helpdesktriage.core.route.ClassifierPolicy;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.evaluate.ClassificationMetrics;
import org.helpdesktriage.core.evaluate.ConfidenceAnalysis;
import org.helpdesktriage.core.evaluate.CoveragePoint;
import org.helpdesktriage.core.evaluate.CrossValidation;
import org.helpdesktriage.core.evaluate.ScoredPrediction;
import org.helpdesktriage.core.ingest.Ingested;
import org.helpdesktriage.core.ingest.TicketNormalizer;
import org.helpdesktriage.core.model.Ticket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Measures how well the configuration (and a trained model) route labelled tickets. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Triages labelled tickets with the current configuration and compares a "
                + "routing field with each ticket's label: accuracy, macro-F1, weighted F1, "
                + "per-class precision/recall/F1/support and the confusion matrix.",
            "With --folds K, K-fold cross-validation: a model is trained on K-1 folds and "
                + "routes the held-out fold together with the configuration's rules (rules "
                + "first, then the model). See docs/quality.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:evaluated", "1:an unexpected error", "2:the command line is wrong",
            "3:the input or configuration cannot be used"})
final class EvaluateCommand extends AbstractCommand {

    /** The routing fields that can be compared with labels. */
    enum Predict { category, assigned_to, priority }

    @Mixin
    LabelledOptions labelled = new LabelledOptions();

    @Option(names = "--predict", paramLabel = "FIELD", defaultValue = "category",
            description = "The routing field compared with the label: ${COMPLETION-CANDIDATES}.")
    Predict predict;

    @Option(names = "--folds", paramLabel = "K",
            description = "Cross-validates a trained model with K folds (rules + model).")
    Integer folds;

    @Option(names = "--no-rules",
            description = "Leaves the configuration's rules out (to measure the model alone).")
    boolean noRules;

    @Option(names = "--min-confidence", paramLabel = "P",
            description = "With --folds: the model's prediction is taken at this confidence or "
                    + "above. Default: classifier.min_confidence, else 0 (always).")
    Double minConfidence;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "The seed of the fold split and of training.")
    long seed;

    @Option(names = "--json", description = "Prints the figures as JSON.")
    boolean json;

    private final List<String> actual = new ArrayList<>();
    private final List<String> predicted = new ArrayList<>();
    private final List<ScoredPrediction> modelPredictions = new ArrayList<>();
    private final Map<String, Integer> decidedBy = new TreeMap<>();
    private double trainingSeconds;

    @Override
    ExitCode execute() {
        // every ticket is different; a cache would only cost
        configOptions.overrides.putIfAbsent("cache_enabled", "false");
        TriageConfig config = config();
        if (noRules) {
            config = config.withRules(List.of());
        }
        TicketNormalizer normalizer = new TicketNormalizer(config.ingestSettings(), clock());
        List<Ticket> tickets = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int rejected = 0;
        for (LabelledOptions.Labelled l : labelled.read()) {
            if (normalizer.normalize(l.record()) instanceof Ingested.Accepted a) {
                tickets.add(a.ticket());
                labels.add(l.label());
            } else {
                rejected++;
            }
        }
        long start = System.nanoTime();
        if (folds == null) {
            TriageEngine engine = TriageEngine.builder().config(config).clock(clock()).build();
            for (int i = 0; i < tickets.size(); i++) {
                record(engine.triage(tickets.get(i)), labels.get(i));
            }
        } else {
            crossValidate(config, tickets, labels);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ClassificationMetrics metrics = ClassificationMetrics.of(actual, predicted);
        print(metrics, rejected, seconds);
        return ExitCode.OK;
    }

    private void crossValidate(TriageConfig config, List<Ticket> tickets, List<String> labels) {
        List<LabelledText> texts = new ArrayList<>(tickets.size());
        for (int i = 0; i < tickets.size(); i++) {
            texts.add(new LabelledText(tickets.get(i).title(), tickets.get(i).description(),
                    labels.get(i)));
        }
        int[] fold = new CrossValidation(folds, seed).assignFolds(texts);
        double threshold = minConfidence != null ? minConfidence
                : config.classifierPolicy().map(ClassifierPolicy::minConfidence).orElse(0.0);
        String review = config.classifierPolicy().map(ClassifierPolicy::reviewTeam).orElse(null);
        TriageConfig withPolicy = config.withClassifier(
                new ClassifierPolicy(Path.of("(cross-validation)"), threshold, review));
        ClassifierTrainer trainer = ClassifierTrainer.builder().seed(seed).build();
        // results are collected per fold, then put back in input order
        TriageResult[] results = new TriageResult[tickets.size()];
        for (int f = 0; f < folds; f++) {
            List<LabelledText> train = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                if (fold[i] != f) {
                    train.add(texts.get(i));
                }
            }
            long t0 = System.nanoTime();
            TextClassifier model = trainer.train(train);
            trainingSeconds += (System.nanoTime() - t0) / 1e9;
            TriageEngine engine = TriageEngine.builder().config(withPolicy).clock(clock())
                    .classifier(model).build();
            for (int i = 0; i < tickets.size(); i++) {
                if (fold[i] == f) {
                    results[i] = engine.triage(tickets.get(i));
                }
            }
        }
        for (int i = 0; i < results.length; i++) {
            record(results[i], labels.get(i));
        }
    }

    private void record(TriageResult r, String label) {
        actual.add(label);
        predicted.add(switch (predict) {
            case category -> r.routing().category();
            case assigned_to -> r.routing().assignedTo();
            case priority -> r.routing().priority().id();
        });
        decidedBy.merge(r.routing().decidedBy().id(), 1, Integer::sum);
        r.routing().modelPrediction().ifPresent(p ->
                modelPredictions.add(new ScoredPrediction(label, p.label(), p.confidence())));
    }

    private void print(ClassificationMetrics metrics, int rejected, double seconds) {
        List<CoveragePoint> curve = modelPredictions.isEmpty() ? List.of()
                : ConfidenceAnalysis.curve(modelPredictions,
                        List.of(0.0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95));
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = metrics.toJson(mapper);
            root.put("rejected", rejected);
            root.put("folds", folds == null ? 0 : folds);
            root.put("seconds", seconds);
            root.put("training_seconds", trainingSeconds);
            ObjectNode by = root.putObject("decided_by");
            decidedBy.forEach(by::put);
            ArrayNode c = root.putArray("model_coverage");
            for (CoveragePoint p : curve) {
                c.addObject().put("threshold", p.threshold()).put("coverage", p.coverage())
                        .put("precision", p.precision());
            }
            out().println(root.toPrettyString());
            return;
        }
        out().print(metrics.toTable());
        out().println();
        out().println("decided by: " + decidedBy);
        if (!curve.isEmpty()) {
            out().println();
            out().println("model alone, as its confidence threshold rises:");
            out().printf("%9s %9s %9s%n", "threshold", "coverage", "precision");
            for (CoveragePoint p : curve) {
                out().printf(Locale.ROOT, "%9.2f %9.4f %9.4f%n", p.threshold(), p.coverage(),
                        p.precision());
            }
        }
        err().printf(Locale.ROOT, "helpdesk-triage: evaluated %d tickets (%d left out: they do "
                + "not validate)%s in %.1f s%n", actual.size(), rejected,
                folds == null ? "" : String.format(Locale.ROOT, ", %d folds, training %.1f s",
                        folds, trainingSeconds), seconds);
    }
}
