package org.helpdesktriage.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.internal.classify.ClassifierModel;
import org.helpdesktriage.core.internal.classify.TextClassifier;
import org.helpdesktriage.core.internal.evaluate.LabelledData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Learns a text classifier from labelled tickets and writes its model file. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Learns a classifier (title + description -> label) from labelled "
                + "tickets: word unigrams and bigrams, TF-IDF, two L2-regularised logistic "
                + "regressions (liblinear; one on naive-Bayes-scaled features) combined and "
                + "calibrated by a third fitted on held-out scores.",
            "The model file is versioned and the same for the same data and seed. Name it in "
                + "the configuration's classifier.model to route with it; see docs/quality.md.",
            "History is read leniently: no live length limits (longer texts are truncated to "
                + "them for features), an empty description takes the title, export timestamp "
                + "forms; records left out are counted by reason on stderr, and a file with "
                + "nothing usable exits 3 naming the reasons."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the model was written", "1:an unexpected error",
            "2:the command line is wrong", "3:the input or configuration cannot be used"})
final class TrainCommand extends AbstractCommand {

    @Mixin
    LabelledOptions labelled = new LabelledOptions();

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The model file to write (atomically).")
    Path out;

    @Mixin
    TrainingOptions training = new TrainingOptions();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "The seed of the calibration folds; the same data and seed give the "
                    + "same model file.")
    long seed;

    @Override
    void files(CommandFiles files) {
        super.files(files);
        files.input("LABELLED_FILE", labelled.file).output("--out", out);
    }

    @Override
    ExitCode execute() {
        TriageConfig config = config();
        LabelledData data = LabelledData.read(labelled.input(null), config,
                clock()).requireLabels(2);
        err().println("helpdesk-triage: " + data.summary());
        long start = System.nanoTime();
        TextClassifier model = training.trainer(seed).train(data.texts());
        double seconds = (System.nanoTime() - start) / 1e9;
        ClassifierModel.save(model, out);
        Map<String, Integer> counts = new TreeMap<>();
        data.examples().forEach(e -> counts.merge(e.label(), 1, Integer::sum));
        out().printf("%-28s %s%n", "LABEL", "EXAMPLES");
        counts.forEach((label, n) -> out().printf("%-28s %d%n", label, n));
        err().printf(java.util.Locale.ROOT, "helpdesk-triage: trained on %d tickets, %d labels,"
                + " %d features in %.1f s; model written to %s%n", data.examples().size(),
                model.labels().size(), model.featureCount(), seconds, out);
        return ExitCode.OK;
    }
}
