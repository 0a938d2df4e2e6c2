package org.helpdesktriage.core.classify;

/** Fits a softmax temperature by minimising the negative log-likelihood. Not API. */
final class Calibration {

    private Calibration() {}

    /** Returns the temperature in [0.05, 200] that minimises the held-out log loss. */
    static double fitTemperature(double[][] scores, int[] truth) {
        double lo = Math.log(0.05);
        double hi = Math.log(200);
        double g = (Math.sqrt(5) - 1) / 2;
        for (int it = 0; it < 60; it++) {
            double a = hi - g * (hi - lo);
            double b = lo + g * (hi - lo);
            if (nll(scores, truth, Math.exp(a)) < nll(scores, truth, Math.exp(b))) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    private static double nll(double[][] scores, int[] truth, double t) {
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            double[] p = TextClassifier.softmax(scores[i], t);
            sum -= Math.log(Math.max(p[truth[i]], 1e-300));
        }
        return sum;
    }
}
