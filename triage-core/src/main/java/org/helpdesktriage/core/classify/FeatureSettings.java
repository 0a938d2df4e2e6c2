package org.helpdesktriage.core.classify;

/**
 * How a text becomes features: word n-grams from {@code minN} to {@code maxN} over the title's
 * and description's words (see {@link org.helpdesktriage.core.text.TicketText#tokenize}), and
 * the first {@code leadWords} of those words once more as features of their own (the term
 * {@code ^word}), because a ticket's opening words, usually its title, say most about its
 * topic. Features are kept when they occur in at least {@code minDf} training texts, weighted by
 * {@code 1 + log(tf)} times a smoothed IDF, and L2-normalised.
 *
 * @param minN shortest n-gram, at least 1
 * @param maxN longest n-gram, at least {@code minN}, at most 4
 * @param minDf least number of training texts a feature must occur in, at least 1
 * @param leadWords how many opening words are also lead-word features, 0 (none) to 20
 */
public record FeatureSettings(int minN, int maxN, int minDf, int leadWords) {

    /** The prefix that marks a lead-word term. */
    public static final String LEAD_PREFIX = "^";

    /**
     * Unigrams and bigrams seen in at least two texts, and the first five words as lead words
     * (measured on the IT tickets: 5 beats 3 and 10).
     */
    public static final FeatureSettings DEFAULT = new FeatureSettings(1, 2, 2, 5);

    /** Checks the ranges. */
    public FeatureSettings {
        if (minN < 1 || maxN < minN || maxN > 4) {
            throw new IllegalArgumentException(
                    "n-gram range " + minN + ".." + maxN + " is not within 1..4");
        }
        if (minDf < 1) {
            throw new IllegalArgumentException("minDf " + minDf + " is below 1");
        }
        if (leadWords < 0 || leadWords > 20) {
            throw new IllegalArgumentException("leadWords " + leadWords + " is not within 0..20");
        }
    }
}
