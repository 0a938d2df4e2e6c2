package org.helpdesktriage.core.internal.classify;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.Arrays;
import java.util.Random;

/**
 * The trainer's linear fits on liblinear: one-vs-rest logistic regression and its naive Bayes
 * scaled variant (NB-LR), with the trainer's C and seed.
 */
final class LinearFits {

    private static final double NB_SMOOTHING = 1.0;
    /**
     * NB-LR's C is the trainer's C divided by this: its features are scaled by log-count ratios
     * of magnitude 1 to 3, so the same C would fit them closer than LR's. Measured on the IT
     * tickets: C/3 gives the same accuracy as C and trains in about 60% of the time.
     */
    private static final double NB_C_DIVISOR = 3.0;

    private final double c;
    private final long seed;

    LinearFits(double c, long seed) {
        this.c = c;
        this.seed = seed;
    }

    /** Adds {@code w . v + b} per label to {@code out[from..from + k)}. */
    static void score(Feature[] v, float[] w, float[] b, int k, double[] out, int from) {
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
    float[][] fitLogistic(Feature[][] x, int[] y, int[] rows, int n, int k) {
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
    float[][] fitNbLogistic(Feature[][] x, Feature[][] scaled, int[] y, int[] rows,
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

    static Feature[][] copy(Feature[][] x) {
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
}
