package org.helpdesktriage.core.internal.classify;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.helpdesktriage.core.internal.evaluate.ConfidenceAnalysis;
import org.helpdesktriage.core.internal.evaluate.CoveragePoint;
import org.helpdesktriage.core.internal.evaluate.CrossValidation;
import org.helpdesktriage.core.internal.evaluate.CrossValidationResult;
import org.helpdesktriage.core.internal.evaluate.ReliabilityBin;

/**
 * Measures the classifier on a labelled CSV ({@code Document}, {@code Topic_group}) by 5-fold
 * cross-validation and prints the figures quoted in docs/quality.md.
 *
 * <p>Usage: {@code QualityReport <train.csv> [C] [calibrationFolds] [minN] [maxN] [minDf]}
 */
public final class QualityReport {

    private QualityReport() {}

    /** Runs the report. */
    public static void main(String[] args) throws IOException {
        if (args[0].equals("--throughput")) {
            throughput(read(Path.of(args[1])));
            return;
        }
        Path csv = Path.of(args[0]);
        double c = args.length > 1 ? Double.parseDouble(args[1]) : 12.0;
        int calibrationFolds = args.length > 2 ? Integer.parseInt(args[2]) : 2; // as the default
        FeatureSettings fs = args.length > 6 ? new FeatureSettings(Integer.parseInt(args[3]),
                Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]))
                : FeatureSettings.DEFAULT;
        List<LabelledText> data = read(csv);
        Map<String, Integer> counts = new TreeMap<>();
        data.forEach(t -> counts.merge(t.label(), 1, Integer::sum));
        int majority = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        System.out.printf(Locale.ROOT, "rows %d, labels %d, C %s, calibration folds %d, "
                + "features %s%n", data.size(), counts.size(), c, calibrationFolds, fs);
        System.out.printf(Locale.ROOT, "majority-class accuracy %.4f%n",
                (double) majority / data.size());
        ClassifierTrainer trainer = ClassifierTrainer.builder().c(c)
                .calibrationFolds(calibrationFolds).features(fs).seed(42).build();
        CrossValidationResult r = new CrossValidation(5, 42).run(data, trainer);
        System.out.printf(Locale.ROOT, "model accuracy %.4f  macro-F1 %.4f  weighted-F1 %.4f%n",
                r.metrics().accuracy(), r.metrics().macroF1(), r.metrics().weightedF1());
        System.out.printf(Locale.ROOT, "training seconds per fold %s%n", r.trainingSeconds()
                .stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList());
        System.out.printf(Locale.ROOT, "predictions per second %.0f%n", r.predictionsPerSecond());
        System.out.println();
        System.out.println(r.metrics().toTable());
        List<Double> thresholds = new ArrayList<>();
        for (int i = 0; i <= 19; i++) {
            thresholds.add(i * 0.05);
        }
        System.out.println("threshold coverage precision");
        for (CoveragePoint p : ConfidenceAnalysis.curve(r.predictions(), thresholds)) {
            System.out.printf(Locale.ROOT, "%9.2f %8.4f %9.4f%n", p.threshold(), p.coverage(),
                    p.precision());
        }
        ConfidenceAnalysis.thresholdForCoverage(r.predictions(), 0.80).ifPresent(p ->
                System.out.printf(Locale.ROOT, "%nat >= 80%% coverage: threshold %.4f coverage "
                        + "%.4f precision %.4f%n", p.threshold(), p.coverage(), p.precision()));
        System.out.printf(Locale.ROOT, "%nexpected calibration error (10 bins) %.4f%n",
                ConfidenceAnalysis.expectedCalibrationError(r.predictions(), 10));
        System.out.println("bin          count  mean-conf  accuracy");
        for (ReliabilityBin b : ConfidenceAnalysis.reliability(r.predictions(), 10)) {
            System.out.printf(Locale.ROOT, "%.1f-%.1f %9d %10.4f %9.4f%n", b.from(), b.to(),
                    b.count(), b.meanConfidence(), b.accuracy());
        }
    }

    /** Trains on all rows, then times warm single-thread {@code predictTop} over all rows. */
    static void throughput(List<LabelledText> data) {
        long t0 = System.nanoTime();
        TextClassifier model = ClassifierTrainer.defaults().train(data);
        System.out.printf(Locale.ROOT, "trained on %d rows in %.2f s, %d features%n",
                data.size(), (System.nanoTime() - t0) / 1e9, model.featureCount());
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            int sink = 0;
            for (LabelledText t : data) {
                sink += model.predictTop(t.title(), t.description()).label().length();
            }
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "round %d: %.0f predictions/s (single thread, %d)%n",
                    round, data.size() / s, sink);
        }
    }

    static List<LabelledText> read(Path csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<LabelledText> out = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(schema).readValues(csv.toFile())) {
            while (it.hasNext()) {
                Map<String, String> row = it.next();
                out.add(new LabelledText("", row.get("Document"), row.get("Topic_group")));
            }
        }
        return out;
    }
}
