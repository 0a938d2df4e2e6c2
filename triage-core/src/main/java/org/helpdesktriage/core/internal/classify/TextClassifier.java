package org.helpdesktriage.core.internal.classify;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.helpdesktriage.core.classify.Classifier;

/**
 * A trained linear text classifier: turns a title and a description into a label with a
 * calibrated confidence. Immutable and thread-safe.
 *
 * <pre>{@code
 * TextClassifier model = ClassifierTrainer.builder().c(12.0).build().train(examples);
 * Prediction p = model.predict("VPN down", "cannot connect from home");
 * ClassifierModel.save(model, Path.of("model.json"));
 * }</pre>
 *
 * <p>Each scorer gives one score per label, {@code w_c . x + b_c}, over the same L2-normalised
 * log-count TF-IDF features; the combiner, a small multinomial logistic regression fitted on
 * scores of texts the scorers did not see in training, turns all the scores into probabilities,
 * so that a confidence of 0.9 is right about 90% of the time.
 */
public final class TextClassifier implements Classifier {

    private final List<String> labels;
    private final FeatureSettings settings;
    private final List<String> scorers;
    private final List<String> terms;
    private final TermIndex index;
    private final float[] idf;
    private final int width; // scores per text: scorers * labels
    private final float[] weights; // feature-major: weights[f * width + s * labels + c]
    private final float[] bias;
    private final float[] combiner; // per label c: combiner[c * (width + 1) + j], bias last

    TextClassifier(List<String> labels, FeatureSettings settings, List<String> scorers,
            List<String> terms, float[] idf, float[] weights, float[] bias, float[] combiner) {
        this.labels = List.copyOf(labels);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scorers = List.copyOf(scorers);
        this.terms = List.copyOf(terms);
        int k = this.labels.size();
        if (k < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 labels, got " + k);
        }
        if (this.scorers.isEmpty()) {
            throw new IllegalArgumentException("a classifier needs at least one scorer");
        }
        this.width = this.scorers.size() * k;
        if (idf.length != this.terms.size() || weights.length != this.terms.size() * width
                || bias.length != width) {
            throw new IllegalArgumentException("weights do not match " + this.terms.size()
                    + " features, " + this.scorers.size() + " scorers and " + k + " labels");
        }
        if (combiner.length != k * (width + 1)) {
            throw new IllegalArgumentException("the combiner does not match " + width
                    + " scores and " + k + " labels");
        }
        for (float v : combiner) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("the combiner holds " + v);
            }
        }
        this.index = new TermIndex(this.terms);
        this.idf = idf.clone();
        this.weights = weights.clone();
        this.bias = bias.clone();
        this.combiner = combiner.clone();
    }

    /**
     * Returns {@code classifier} as the model it is: every classifier is a {@code TextClassifier},
     * trained or loaded here.
     *
     * @throws IllegalArgumentException when {@code classifier} was made elsewhere
     */
    public static TextClassifier of(Classifier classifier) {
        Objects.requireNonNull(classifier, "classifier");
        if (classifier instanceof TextClassifier c) {
            return c;
        }
        throw new IllegalArgumentException("classifier " + classifier.getClass().getName()
                + " is not a trained model of helpdesk-triage");
    }

    /** Returns the labels in the model's order. */
    @Override
    public List<String> labels() {
        return labels;
    }

    /** Returns how texts are turned into features. */
    public FeatureSettings featureSettings() {
        return settings;
    }

    /** Returns the number of features (kept n-grams). */
    public int featureCount() {
        return terms.size();
    }

    /**
     * Returns the names of the linear scorers whose scores the combiner turns into
     * probabilities, in model-file order.
     */
    public List<String> scorers() {
        return scorers;
    }

    /** Returns the most probable label with every label's probability. */
    public Prediction predict(String title, String description) {
        double[] p = probabilities(title, description);
        int best = argmax(p);
        Map<String, Double> map = new LinkedHashMap<>();
        for (int c = 0; c < p.length; c++) {
            map.put(labels.get(c), p[c]);
        }
        return new Prediction(labels.get(best), p[best], map);
    }

    /** Returns the most probable label and its confidence, without the per-label map. */
    public Prediction predictTop(String title, String description) {
        double[] p = probabilities(title, description);
        int best = argmax(p);
        return new Prediction(labels.get(best), p[best], Map.of());
    }

    /**
     * Returns the raw linear scores: per scorer, one per label in {@link #labels()} order
     * ({@code scores[s * labels + c]}).
     */
    double[] scores(String title, String description) {
        long[] hashes = TrainingFeatures.hashes(title, description, settings);
        int[] found = new int[Math.max(1, hashes.length)];
        int m = 0;
        for (long h : hashes) {
            int f = index.get(h);
            if (f >= 0) {
                found[m++] = f;
            }
        }
        Arrays.sort(found, 0, m);
        double[] s = new double[width];
        double norm = 0;
        for (int i = 0; i < m; ) {
            int f = found[i];
            int j = i + 1;
            while (j < m && found[j] == f) {
                j++;
            }
            double v = (1 + Math.log(j - i)) * idf[f];
            norm += v * v;
            int base = f * width;
            for (int c = 0; c < width; c++) {
                s[c] += v * weights[base + c];
            }
            i = j;
        }
        double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        for (int c = 0; c < width; c++) {
            s[c] = s[c] * scale + bias[c];
        }
        return s;
    }

    private double[] probabilities(String title, String description) {
        return Combiner.probabilities(combiner, scores(title, description), labels.size());
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    List<String> terms() {
        return terms;
    }

    float[] idf() {
        return idf.clone();
    }

    float[] weights() {
        return weights.clone();
    }

    float[] bias() {
        return bias.clone();
    }

    float[] combiner() {
        return combiner.clone();
    }
}
