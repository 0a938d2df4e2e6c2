package org.helpdesktriage.core.classify;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Trains a {@link TextClassifier} from labelled texts with L2-regularised one-vs-rest linear
 * models (liblinear), then fits a softmax temperature on a held-out slice so that confidences
 * are calibrated. Immutable; the same data, options and seed give the same model, bit for bit.
 *
 * <pre>{@code
 * ClassifierTrainer trainer = ClassifierTrainer.builder().c(12.0).seed(42).build();
 * TextClassifier model = trainer.train(examples);
 * }</pre>
 */
public final class ClassifierTrainer {

    /** The linear model fitted per label. */
    public enum Solver {
        /** L2-regularised logistic regression (liblinear dual solver). */
        LOGISTIC_REGRESSION,
        /** L2-regularised linear SVM with squared hinge loss (liblinear dual solver). */
        LINEAR_SVM
    }

    private final double c;
    private final Solver solver;
    private final FeatureSettings features;
    private final long seed;
    private final double calibrationFraction;

    private ClassifierTrainer(Builder b) {
        this.c = b.c;
        this.solver = b.solver;
        this.features = b.features;
        this.seed = b.seed;
        this.calibrationFraction = b.calibrationFraction;
    }

    /** Returns a builder with the defaults: C 12, logistic regression, uni+bigrams, seed 42. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a trainer with the default options. */
    public static ClassifierTrainer defaults() {
        return builder().build();
    }

    /**
     * Returns a classifier trained on {@code data}.
     *
     * @throws IllegalArgumentException if the data holds fewer than two labels
     */
    public TextClassifier train(List<LabelledText> data) {
        Objects.requireNonNull(data, "data");
        List<String> labels = new ArrayList<>(new TreeSet<>(data.stream()
                .map(LabelledText::label).toList()));
        if (labels.size() < 2) {
            throw new IllegalArgumentException(
                    "training needs at least 2 distinct labels, got " + labels);
        }
        List<Map<String, Integer>> counts = new ArrayList<>(data.size());
        Map<String, Integer> df = new HashMap<>();
        for (LabelledText t : data) {
            Map<String, Integer> m = Ngrams.count(t.title(), t.description(), features);
            counts.add(m);
            for (String g : m.keySet()) {
                df.merge(g, 1, Integer::sum);
            }
        }
        TreeMap<String, Integer> kept = new TreeMap<>();
        df.forEach((g, n) -> {
            if (n >= features.minDf()) {
                kept.put(g, n);
            }
        });
        List<String> terms = new ArrayList<>(kept.keySet());
        Map<String, Integer> index = new HashMap<>(terms.size() * 2);
        float[] idf = new float[terms.size()];
        int i = 0;
        for (Map.Entry<String, Integer> e : kept.entrySet()) {
            index.put(e.getKey(), i);
            idf[i++] = (float) (Math.log((1.0 + data.size()) / (1.0 + e.getValue())) + 1.0);
        }
        Feature[][] x = new Feature[data.size()][];
        double[] y = new double[data.size()];
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            labelIndex.put(labels.get(c), c);
        }
        for (int d = 0; d < data.size(); d++) {
            x[d] = vector(counts.get(d), index, idf);
            y[d] = labelIndex.get(data.get(d).label());
        }
        double temperature = 1.0;
        int holdout = (int) Math.round(data.size() * calibrationFraction);
        if (holdout >= labels.size() && data.size() - holdout >= labels.size()) {
            temperature = fitTemperature(x, y, terms.size(), labels.size(), holdout);
        }
        float[][] wb = fit(x, y, terms.size(), labels.size());
        return new TextClassifier(labels, features, terms, idf, wb[0], wb[1], temperature);
    }

    private double fitTemperature(Feature[][] x, double[] y, int n, int k, int holdout) {
        Integer[] order = new Integer[x.length];
        for (int d = 0; d < order.length; d++) {
            order[d] = d;
        }
        java.util.Collections.shuffle(java.util.Arrays.asList(order), new Random(seed));
        int trainSize = x.length - holdout;
        Feature[][] tx = new Feature[trainSize][];
        double[] ty = new double[trainSize];
        for (int d = 0; d < trainSize; d++) {
            tx[d] = x[order[d]];
            ty[d] = y[order[d]];
        }
        float[][] wb = fit(tx, ty, n, k);
        double[][] scores = new double[holdout][];
        int[] truth = new int[holdout];
        for (int h = 0; h < holdout; h++) {
            int d = order[trainSize + h];
            scores[h] = score(x[d], wb[0], wb[1], k);
            truth[h] = (int) y[d];
        }
        return Calibration.fitTemperature(scores, truth);
    }

    private static double[] score(Feature[] v, float[] w, float[] b, int k) {
        double[] s = new double[k];
        for (Feature f : v) {
            if (f.getIndex() > 0 && (f.getIndex() - 1) * k < w.length) {
                int base = (f.getIndex() - 1) * k;
                for (int c = 0; c < k; c++) {
                    s[c] += f.getValue() * w[base + c];
                }
            }
        }
        for (int c = 0; c < k; c++) {
            s[c] += b[c];
        }
        return s;
    }

    /** Returns {feature-major weights, biases} over labels 0..k-1. */
    private float[][] fit(Feature[][] x, double[] y, int n, int k) {
        Problem p = new Problem();
        p.l = x.length;
        p.n = n + 1;
        p.x = x;
        p.y = y;
        p.bias = 1.0;
        SolverType type = solver == Solver.LINEAR_SVM
                ? SolverType.L2R_L2LOSS_SVC_DUAL : SolverType.L2R_LR_DUAL;
        Parameter param = new Parameter(type, c, 0.1);
        param.setRandom(new Random(seed));
        Linear.disableDebugOutput();
        Model m = Linear.train(p, param);
        double[] lw = m.getFeatureWeights();
        int[] ml = m.getLabels();
        int nrW = (ml.length == 2) ? 1 : ml.length;
        float[] w = new float[n * k];
        float[] b = new float[k];
        for (int j = 0; j < ml.length; j++) {
            int c = ml[j];
            int src = nrW == 1 ? 0 : j;
            double sign = nrW == 1 && j == 1 ? -1 : 1;
            for (int f = 0; f < n; f++) {
                w[f * k + c] = (float) (sign * lw[f * nrW + src]);
            }
            b[c] = (float) (sign * lw[n * nrW + src]);
        }
        return new float[][] {w, b};
    }

    private static Feature[] vector(Map<String, Integer> counts, Map<String, Integer> index,
            float[] idf) {
        TreeMap<Integer, Double> v = new TreeMap<>();
        double norm = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Integer f = index.get(e.getKey());
            if (f != null) {
                double val = (1 + Math.log(e.getValue())) * idf[f];
                v.put(f, val);
                norm += val * val;
            }
        }
        double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        Feature[] out = new Feature[v.size() + 1];
        int i = 0;
        for (Map.Entry<Integer, Double> e : v.entrySet()) {
            out[i++] = new FeatureNode(e.getKey() + 1, e.getValue() * scale);
        }
        out[i] = new FeatureNode(idf.length + 1, 1.0);
        return out;
    }

    /** Options for a {@link ClassifierTrainer}. */
    public static final class Builder {
        private double c = 12.0;
        private Solver solver = Solver.LOGISTIC_REGRESSION;
        private FeatureSettings features = FeatureSettings.DEFAULT;
        private long seed = 42;
        private double calibrationFraction = 0.1;

        private Builder() {}

        /** Sets the inverse regularisation strength C (larger fits the data more closely). */
        public Builder c(double c) {
            if (!(c > 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException("C " + c + " is not a positive number");
            }
            this.c = c;
            return this;
        }

        /** Sets the linear model fitted per label. */
        public Builder solver(Solver solver) {
            this.solver = Objects.requireNonNull(solver, "solver");
            return this;
        }

        /** Sets the n-gram range and minimum document frequency. */
        public Builder features(FeatureSettings features) {
            this.features = Objects.requireNonNull(features, "features");
            return this;
        }

        /** Sets the seed of every random choice (solver order, calibration split). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the share of the data held out to fit the temperature; 0 disables it. */
        public Builder calibrationFraction(double fraction) {
            if (!(fraction >= 0 && fraction < 0.5)) {
                throw new IllegalArgumentException(
                        "calibration fraction " + fraction + " is not in [0, 0.5)");
            }
            this.calibrationFraction = fraction;
            return this;
        }

        /** Returns the trainer. */
        public ClassifierTrainer build() {
            return new ClassifierTrainer(this);
        }
    }
}
