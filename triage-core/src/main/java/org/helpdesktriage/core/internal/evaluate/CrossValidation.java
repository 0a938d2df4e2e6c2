package org.helpdesktriage.core.internal.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.helpdesktriage.core.internal.classify.ClassifierTrainer;
import org.helpdesktriage.core.internal.classify.Folds;
import org.helpdesktriage.core.internal.classify.LabelledText;
import org.helpdesktriage.core.internal.classify.Prediction;
import org.helpdesktriage.core.internal.classify.TextClassifier;

/**
 * K-fold cross-validation of a {@link ClassifierTrainer}: a deterministic stratified split
 * ({@link Folds#stratified}), one
 * model per fold trained on the other folds, every example predicted once by the model that did
 * not see it.
 *
 * <pre>{@code
 * CrossValidationResult r = new CrossValidation(5, 42).run(examples, ClassifierTrainer.defaults());
 * System.out.println(r.metrics().toTable());
 * }</pre>
 */
public final class CrossValidation {

    private final int folds;
    private final long seed;

    /** Creates a cross-validation of {@code folds} folds (at least 2) split with {@code seed}. */
    public CrossValidation(int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("folds " + folds + " is below 2");
        }
        this.folds = folds;
        this.seed = seed;
    }

    /** Returns each example's fold number, in input order (see {@link Folds#stratified}). */
    public int[] assignFolds(List<LabelledText> data) {
        return Folds.stratified(data, folds, seed);
    }

    /** Runs the cross-validation and returns the held-out metrics, times and throughput. */
    public CrossValidationResult run(List<LabelledText> data, ClassifierTrainer trainer) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(trainer, "trainer");
        if (data.size() < folds) {
            throw new IllegalArgumentException(
                    data.size() + " examples are too few for " + folds + " folds");
        }
        int[] fold = assignFolds(data);
        ScoredPrediction[] out = new ScoredPrediction[data.size()];
        List<Double> trainSeconds = new ArrayList<>();
        long predictNanos = 0;
        for (int f = 0; f < folds; f++) {
            List<LabelledText> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (fold[i] == f) {
                    test.add(i);
                } else {
                    train.add(data.get(i));
                }
            }
            long t0 = System.nanoTime();
            TextClassifier model = trainer.train(train);
            long t1 = System.nanoTime();
            trainSeconds.add((t1 - t0) / 1e9);
            for (int i : test) {
                LabelledText t = data.get(i);
                Prediction p = model.predictTop(t.title(), t.description());
                out[i] = new ScoredPrediction(t.label(), p.label(), p.confidence());
            }
            predictNanos += System.nanoTime() - t1;
        }
        List<ScoredPrediction> predictions = List.of(out);
        ClassificationMetrics metrics = ClassificationMetrics.of(
                predictions.stream().map(ScoredPrediction::actual).toList(),
                predictions.stream().map(ScoredPrediction::predicted).toList());
        double perSecond = predictNanos == 0 ? 0 : data.size() / (predictNanos / 1e9);
        return new CrossValidationResult(metrics, predictions, trainSeconds, perSecond);
    }
}
