package org.helpdesktriage.core.internal.classify;

/**
 * How a text becomes features: word n-grams from {@code minN} to {@code maxN} over the title's
 * and description's words (see
 * {@link org.helpdesktriage.core.internal.text.TicketText#tokenize}), and the first
 * {@code leadWords} of those words once more as features of their own (the term
 * {@code ^word}), because a ticket's opening words, usually its title, say most about its
 * topic. Features are kept when they occur in at least {@code minDf} training texts, weighted by
 * {@code 1 + log(tf)} times a smoothed IDF, and L2-normalised.
 *
 * <p>With {@code titleZone}, the title's n-grams are also features of their own (the term
 * {@code ~n-gram}), so that a word can weigh differently in a title than in a body: measured
 * on GitHub issues, whose titles say in a few words what a long body says around templates
 * and logs.
 *
 * @param minN shortest n-gram, at least 1
 * @param maxN longest n-gram, at least {@code minN}, at most 4
 * @param minDf least number of training texts a feature must occur in, at least 1
 * @param leadWords how many opening words are also lead-word features, 0 (none) to 20
 * @param titleZone whether the title's n-grams are also features of their own
 */
public record FeatureSettings(int minN, int maxN, int minDf, int leadWords, boolean titleZone) {

    /** The prefix that marks a lead-word term. */
    public static final String LEAD_PREFIX = "^";
    /** The prefix that marks a title-zone term. */
    public static final String TITLE_PREFIX = "~";

    /**
     * Unigrams and bigrams seen in at least two texts, and the first five words as lead words
     * (measured on the IT tickets: 5 beats 3 and 10).
     */
    public static final FeatureSettings DEFAULT = new FeatureSettings(1, 2, 2, 5, false);

    /** Creates settings without a title zone. */
    public FeatureSettings(int minN, int maxN, int minDf, int leadWords) {
        this(minN, maxN, minDf, leadWords, false);
    }

    /** Returns a copy with or without a title zone. */
    public FeatureSettings withTitleZone(boolean value) {
        return new FeatureSettings(minN, maxN, minDf, leadWords, value);
    }

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
