package org.helpdesktriage.core.internal.classify;

/**
 * The last layer of a {@link TextClassifier}: a multinomial logistic regression from the
 * scorers' raw scores to label probabilities, {@code p = softmax(A s + a)}. Fitted on scores of
 * texts the scorers were not trained on, it both weighs the scorers against each other and
 * calibrates the result. Stored as {@code k} rows of {@code width + 1} numbers (the bias last).
 * Not API.
 */
final class Combiner {

    private static final int MAX_ITERATIONS = 200;
    private static final double TOLERANCE = 1e-9;
    private static final double L2 = 1e-4;

    private Combiner() {}

    /** Returns the combiner that is {@code softmax(t * s)} over the first scorer's scores. */
    static float[] temperature(int k, int width, double t) {
        float[] a = new float[k * (width + 1)];
        for (int c = 0; c < k; c++) {
            a[c * (width + 1) + c] = (float) t;
        }
        return a;
    }

    /** Returns the probabilities of each of {@code k} labels for one text's scores. */
    static double[] probabilities(float[] a, double[] scores, int k) {
        int row = scores.length + 1;
        double[] z = new double[k];
        for (int c = 0; c < k; c++) {
            int base = c * row;
            double v = a[base + scores.length];
            for (int j = 0; j < scores.length; j++) {
                v += a[base + j] * scores[j];
            }
            z[c] = v;
        }
        return softmax(z);
    }

    /**
     * Fits the combiner by minimising the mean log loss plus a small L2 penalty on the weights
     * (not the biases), a smooth convex problem, with L-BFGS from all-zero weights. Deterministic.
     *
     * @param scores per text, the held-out scores of every scorer ({@code width} values)
     * @param truth per text, the index of its true label
     */
    static float[] fit(double[][] scores, int[] truth, int k) {
        int width = scores[0].length;
        double[] a = new double[k * (width + 1)];
        double[] g = new double[a.length];
        double loss = lossAndGradient(a, scores, truth, k, g);
        int memory = 10;
        double[][] sHist = new double[memory][];
        double[][] yHist = new double[memory][];
        double[] rho = new double[memory];
        int stored = 0;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] d = direction(g, sHist, yHist, rho, stored, memory);
            double slope = dot(g, d);
            if (slope >= 0) { // not a descent direction: restart from the gradient
                stored = 0;
                d = direction(g, sHist, yHist, rho, 0, memory);
                slope = dot(g, d);
            }
            double step = it == 0 ? 1 / Math.max(1, Math.sqrt(dot(g, g))) : 1;
            double[] next = new double[a.length];
            double[] nextG = new double[a.length];
            double nextLoss;
            while (true) {
                for (int q = 0; q < a.length; q++) {
                    next[q] = a[q] + step * d[q];
                }
                nextLoss = lossAndGradient(next, scores, truth, k, nextG);
                if (nextLoss <= loss + 1e-4 * step * slope || step < 1e-10) {
                    break;
                }
                step /= 2;
            }
            double[] sv = new double[a.length];
            double[] yv = new double[a.length];
            for (int q = 0; q < a.length; q++) {
                sv[q] = next[q] - a[q];
                yv[q] = nextG[q] - g[q];
            }
            double sy = dot(sv, yv);
            if (sy > 1e-12) {
                int slot = stored % memory;
                sHist[slot] = sv;
                yHist[slot] = yv;
                rho[slot] = 1 / sy;
                stored++;
            }
            boolean done = loss - nextLoss < TOLERANCE * Math.max(1, Math.abs(loss));
            a = next;
            g = nextG;
            loss = nextLoss;
            if (done) {
                break;
            }
        }
        float[] out = new float[a.length];
        for (int q = 0; q < a.length; q++) {
            out[q] = (float) a[q];
        }
        return out;
    }

    /** The L-BFGS two-loop recursion: an approximation of minus the inverse Hessian times g. */
    private static double[] direction(double[] g, double[][] s, double[][] y, double[] rho,
            int stored, int memory) {
        double[] d = g.clone();
        int count = Math.min(stored, memory);
        double[] alpha = new double[memory];
        for (int i = 0; i < count; i++) {
            int slot = (stored - 1 - i) % memory;
            alpha[slot] = rho[slot] * dot(s[slot], d);
            for (int q = 0; q < d.length; q++) {
                d[q] -= alpha[slot] * y[slot][q];
            }
        }
        if (count > 0) {
            int last = (stored - 1) % memory;
            double scale = dot(s[last], y[last]) / dot(y[last], y[last]);
            for (int q = 0; q < d.length; q++) {
                d[q] *= scale;
            }
        }
        for (int i = count - 1; i >= 0; i--) {
            int slot = (stored - 1 - i) % memory;
            double beta = rho[slot] * dot(y[slot], d);
            for (int q = 0; q < d.length; q++) {
                d[q] += s[slot][q] * (alpha[slot] - beta);
            }
        }
        for (int q = 0; q < d.length; q++) {
            d[q] = -d[q];
        }
        return d;
    }

    /** Returns the mean log loss plus penalty at {@code a} and writes its gradient to g. */
    private static double lossAndGradient(double[] a, double[][] scores, int[] truth, int k,
            double[] g) {
        int width = scores[0].length;
        int row = width + 1;
        java.util.Arrays.fill(g, 0);
        double[] z = new double[k];
        double loss = 0;
        for (int i = 0; i < scores.length; i++) {
            double[] s = scores[i];
            for (int c = 0; c < k; c++) {
                int base = c * row;
                double t = a[base + width];
                for (int j = 0; j < width; j++) {
                    t += a[base + j] * s[j];
                }
                z[c] = t;
            }
            double[] p = softmax(z);
            loss -= Math.log(Math.max(p[truth[i]], 1e-300));
            p[truth[i]] -= 1;
            for (int c = 0; c < k; c++) {
                int base = c * row;
                double d = p[c];
                for (int j = 0; j < width; j++) {
                    g[base + j] += d * s[j];
                }
                g[base + width] += d;
            }
        }
        int n = scores.length;
        loss /= n;
        for (int q = 0; q < a.length; q++) {
            g[q] /= n;
            if (q % row != width) {
                loss += L2 / 2 * a[q] * a[q];
                g[q] += L2 * a[q];
            }
        }
        return loss;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int q = 0; q < x.length; q++) {
            s += x[q] * y[q];
        }
        return s;
    }

    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : z) {
            max = Math.max(max, s);
        }
        double[] p = new double[z.length];
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            p[c] = Math.exp(z[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
        return p;
    }
}
