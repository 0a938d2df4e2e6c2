package org.helpdesktriage.core.internal.classify;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Trains a {@link TextClassifier} from labelled texts. Two linear scorers are fitted on the same
 * TF-IDF word n-gram features, both one-vs-rest L2-regularised logistic regression from
 * liblinear: one on the features as they are, one on features scaled per label by their naive
 * Bayes log-count ratio (NB-LR, after Wang and Manning's NBSVM). A combiner, a multinomial logistic
 * regression over both scorers' scores, is then fitted on scores of texts the scorers did not
 * see (cross-fitting: the data is split into {@code calibrationFolds} stratified folds, and each
 * fold is scored by scorers trained on the others), which weighs the two scorers and calibrates
 * the confidences in one step. The final scorers are trained on all the data.
 *
 * <p>Immutable; the same data, options and seed give the same model, bit for bit, whatever the
 * number of threads.
 *
 * <pre>{@code
 * ClassifierTrainer trainer = ClassifierTrainer.builder().c(12.0).seed(42).build();
 * TextClassifier model = trainer.train(examples);
 * }</pre>
 */
public final class ClassifierTrainer {

    /** The scorers every trained model holds, by their model-file names. */
    static final List<String> SCORERS = List.of("logistic_regression", "nb_logistic_regression");

    /**
     * The number of examples from which the combiner is cross-fitted on 2 folds instead of 3
     * (unless set). Measured: on the IT tickets (34,000 per fold) 2 folds score as 3 do
     * (5-fold CV: accuracy 0.8697 against 0.8694, precision at 80% coverage 0.9416 against
     * 0.9418) with a third less liblinear work; on 270 GitHub issues a repository they lose 2
     * points of macro-F1 (0.742 against 0.762), as scorers fitted on half of so little data
     * score unlike the final ones.
     */
    static final int LARGE = 10_000;
    private static final int AUTO_FOLDS = -1;
    private static final double NB_SMOOTHING = 1.0;
    /**
     * NB-LR's C is the trainer's C divided by this: its features are scaled by log-count ratios
     * of magnitude 1 to 3, so the same C would fit them closer than LR's. Measured on the IT
     * tickets: C/3 gives the same accuracy as C and trains in about 60% of the time.
     */
    private static final double NB_C_DIVISOR = 3.0;

    private final double c;
    private final FeatureSettings features;
    private final long seed;
    private final int calibrationFolds;
    private final int threads;

    private ClassifierTrainer(Builder b) {
        this.c = b.c;
        this.features = b.features;
        this.seed = b.seed;
        this.calibrationFolds = b.calibrationFolds;
        this.threads = b.threads;
    }

    /**
     * Returns a builder with the defaults: C 12, uni+bigrams seen twice, seed 42, 3 calibration
     * folds (2 from 10,000 examples on), one thread per processor.
     */
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
        TrainingFeatures features = TrainingFeatures.of(data, this.features);
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            labelIndex.put(labels.get(c), c);
        }
        int[] y = new int[data.size()];
        for (int d = 0; d < data.size(); d++) {
            y[d] = labelIndex.get(data.get(d).label());
        }
        return fitAll(data, labels, features.terms, features.idf, features.vectors, y);
    }

    private TextClassifier fitAll(List<LabelledText> data, List<String> labels, List<String> terms,
            float[] idf, Feature[][] x, int[] y) {
        int k = labels.size();
        int n = terms.size();
        int width = SCORERS.size() * k;
        int folds = crossFitFolds(y, k);
        int[] fold = folds > 0 ? Folds.stratified(data, folds, seed) : new int[y.length];
        // task (f, s): scorer s trained on every row outside fold f; f == folds is the final fit
        List<Callable<float[][]>> tasks = new ArrayList<>();
        // NB-LR rewrites feature values: each thread keeps one copy of all rows for its fits,
        // instead of a new copy per fit (100 MB for 38,000 tickets)
        ThreadLocal<Feature[][]> scaled = ThreadLocal.withInitial(() -> copy(x));
        for (int f = 0; f <= folds; f++) {
            int[] rows = f == folds ? IntStream.range(0, y.length).toArray() : rowsOutside(fold, f);
            tasks.add(() -> fitLogistic(x, y, rows, n, k));
            tasks.add(() -> fitNbLogistic(x, scaled.get(), y, rows, n, k));
        }
        List<float[][]> fitted = runAll(tasks);
        float[] combiner;
        if (folds > 0) {
            double[][] held = new double[y.length][width];
            for (int d = 0; d < y.length; d++) {
                for (int s = 0; s < SCORERS.size(); s++) {
                    float[][] wb = fitted.get(fold[d] * SCORERS.size() + s);
                    score(x[d], wb[0], wb[1], k, held[d], s * k);
                }
            }
            combiner = Combiner.fit(held, y, k);
        } else {
            combiner = Combiner.temperature(k, width, 1.0);
        }
        float[] w = new float[n * width];
        float[] b = new float[width];
        for (int s = 0; s < SCORERS.size(); s++) {
            float[][] wb = fitted.get(folds * SCORERS.size() + s);
            for (int f = 0; f < n; f++) {
                System.arraycopy(wb[0], f * k, w, f * width + s * k, k);
            }
            System.arraycopy(wb[1], 0, b, s * k, k);
        }
        return new TextClassifier(labels, features, SCORERS, terms, idf, w, b, combiner);
    }

    /**
     * Returns the number of folds to cross-fit the combiner on: {@code calibrationFolds} (by
     * default 3, or 2 from {@link #LARGE} examples), fewer
     * when a label has fewer examples than that (every fold must hold every label), and 0 when
     * a label has a single example.
     */
    private int crossFitFolds(int[] y, int k) {
        int[] count = new int[k];
        for (int v : y) {
            count[v]++;
        }
        int wanted = calibrationFolds != AUTO_FOLDS ? calibrationFolds : y.length >= LARGE ? 2 : 3;
        int folds = Math.min(wanted, Arrays.stream(count).min().orElse(0));
        return folds >= 2 ? folds : 0;
    }

    private static int[] rowsOutside(int[] fold, int f) {
        return IntStream.range(0, fold.length).filter(d -> fold[d] != f).toArray();
    }

    private List<float[][]> runAll(List<Callable<float[][]>> tasks) {
        int n = Math.min(threads, tasks.size());
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "classifier-trainer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<float[][]>> futures = new ArrayList<>();
            for (Callable<float[][]> t : tasks) {
                futures.add(pool.submit(t));
            }
            List<float[][]> out = new ArrayList<>();
            for (Future<float[][]> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof OutOfMemoryError oom) {
                throw new IllegalStateException("training ran out of memory (" + oom.getMessage()
                        + "); give the JVM more heap, e.g. JAVA_OPTS=-Xmx2g", oom);
            }
            throw new IllegalStateException("training failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Adds {@code w . v + b} per label to {@code out[from..from + k)}. */
    private static void score(Feature[] v, float[] w, float[] b, int k, double[] out, int from) {
        for (Feature f : v) {
            int base = (f.getIndex() - 1) * k;
            if (base < w.length) {
                for (int c = 0; c < k; c++) {
                    out[from + c] += f.getValue() * w[base + c];
                }
            }
        }
        for (int c = 0; c < k; c++) {
            out[from + c] += b[c];
        }
    }

    /** One-vs-rest logistic regression on the rows; returns {feature-major weights, biases}. */
    private float[][] fitLogistic(Feature[][] x, int[] y, int[] rows, int n, int k) {
        Feature[][] px = new Feature[rows.length][];
        double[] py = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            px[i] = x[rows[i]];
            py[i] = y[rows[i]];
        }
        Model m = Linear.train(problem(px, py, n), parameter());
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

    /**
     * Per label, a binary logistic regression on the features scaled by the label's naive Bayes
     * log-count ratio {@code r = log((p / |p|) / (q / |q|))}, with {@code p} and {@code q} the
     * smoothed feature sums over the label's rows and the other rows, with C divided by
     * {@link #NB_C_DIVISOR}. The ratio is folded into the returned weights, so the scorer is
     * linear in the unscaled features.
     */
    private float[][] fitNbLogistic(Feature[][] x, Feature[][] scaled, int[] y, int[] rows,
            int n, int k) {
        float[] w = new float[n * k];
        float[] b = new float[k];
        double[] total = new double[n];
        double[][] in = new double[k][n];
        for (int d : rows) {
            for (Feature f : x[d]) {
                int j = f.getIndex() - 1;
                if (j < n) {
                    in[y[d]][j] += f.getValue();
                    total[j] += f.getValue();
                }
            }
        }
        double sumTotal = Arrays.stream(total).sum();
        // the thread's scaled copy of the rows, its values rewritten for each label
        Feature[][] px = new Feature[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            px[i] = scaled[rows[i]];
        }
        double[] py = new double[rows.length];
        for (int label = 0; label < k; label++) {
            double sumIn = Arrays.stream(in[label]).sum() + NB_SMOOTHING * n;
            double sumOut = sumTotal - sumIn + 2 * NB_SMOOTHING * n;
            double[] r = new double[n];
            for (int j = 0; j < n; j++) {
                double p = in[label][j] + NB_SMOOTHING;
                double q = total[j] - in[label][j] + NB_SMOOTHING;
                r[j] = Math.log((p / sumIn) / (q / sumOut));
            }
            for (int i = 0; i < rows.length; i++) {
                Feature[] v = x[rows[i]];
                for (int q = 0; q < v.length; q++) {
                    int j = v[q].getIndex() - 1;
                    if (j < n) {
                        px[i][q].setValue(v[q].getValue() * r[j]);
                    }
                }
                py[i] = y[rows[i]] == label ? 1 : 0;
            }
            Model m = Linear.train(problem(px, py, n), parameter(c / NB_C_DIVISOR));
            double[] lw = m.getFeatureWeights();
            double sign = m.getLabels()[0] == 1 ? 1 : -1;
            for (int j = 0; j < n; j++) {
                w[j * k + label] = (float) (sign * lw[j] * r[j]);
            }
            b[label] = (float) (sign * lw[n]);
        }
        return new float[][] {w, b};
    }

    private static Feature[][] copy(Feature[][] x) {
        Feature[][] out = new Feature[x.length][];
        for (int d = 0; d < x.length; d++) {
            out[d] = new Feature[x[d].length];
            for (int q = 0; q < x[d].length; q++) {
                out[d][q] = new FeatureNode(x[d][q].getIndex(), x[d][q].getValue());
            }
        }
        return out;
    }

    private static Problem problem(Feature[][] x, double[] y, int n) {
        Problem p = new Problem();
        p.l = x.length;
        p.n = n + 1;
        p.x = x;
        p.y = y;
        p.bias = 1.0;
        return p;
    }

    private Parameter parameter() {
        return parameter(c);
    }

    private Parameter parameter(double c) {
        Parameter param = new Parameter(SolverType.L2R_LR_DUAL, c, 0.1);
        param.setRandom(new Random(seed));
        Linear.disableDebugOutput();
        return param;
    }

    /** Options for a {@link ClassifierTrainer}. */
    public static final class Builder {
        private double c = 12.0;
        private FeatureSettings features = FeatureSettings.DEFAULT;
        private long seed = 42;
        private int calibrationFolds = AUTO_FOLDS;
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder() {}

        /** Sets the inverse regularisation strength C (larger fits the data more closely). */
        public Builder c(double c) {
            if (!(c > 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException("C " + c + " is not a positive number");
            }
            this.c = c;
            return this;
        }

        /** Sets the n-gram range and minimum document frequency. */
        public Builder features(FeatureSettings features) {
            this.features = Objects.requireNonNull(features, "features");
            return this;
        }

        /** Sets the seed of every random choice (solver order, calibration folds). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the number of folds the combiner is cross-fitted on (each adds one fit of the
         * scorers); 0 skips it and the model's probabilities are the softmax of the first
         * scorer's scores, uncalibrated.
         */
        public Builder calibrationFolds(int folds) {
            if (folds != 0 && (folds < 2 || folds > 20)) {
                throw new IllegalArgumentException(
                        "calibration folds " + folds + " is neither 0 nor in 2..20");
            }
            this.calibrationFolds = folds;
            return this;
        }

        /** Sets how many threads fit scorers side by side; the model does not depend on it. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads " + threads + " is below 1");
            }
            this.threads = threads;
            return this;
        }

        /** Returns the trainer. */
        public ClassifierTrainer build() {
            return new ClassifierTrainer(this);
        }
    }
}
