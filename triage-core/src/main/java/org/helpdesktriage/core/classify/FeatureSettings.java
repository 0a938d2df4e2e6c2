package org.helpdesktriage.core.classify;

/**
 * How a text becomes features: word n-grams from {@code minN} to {@code maxN} over the title's
 * and description's words (see {@link org.helpdesktriage.core.rules.TicketText#tokenize}), kept
 * when they occur in at least {@code minDf} training texts, weighted by {@code 1 + log(tf)} times
 * a smoothed IDF, and L2-normalised.
 *
 * @param minN shortest n-gram, at least 1
 * @param maxN longest n-gram, at least {@code minN}, at most 4
 * @param minDf least number of training texts a feature must occur in, at least 1
 */
public record FeatureSettings(int minN, int maxN, int minDf) {

    /** Unigrams and bigrams seen in at least two texts. */
    public static final FeatureSettings DEFAULT = new FeatureSettings(1, 2, 2);

    /** Checks the ranges. */
    public FeatureSettings {
        if (minN < 1 || maxN < minN || maxN > 4) {
            throw new IllegalArgumentException(
                    "n-gram range " + minN + ".." + maxN + " is not within 1..4");
        }
        if (minDf < 1) {
            throw new IllegalArgumentException("minDf " + minDf + " is below 1");
        }
    }
}
