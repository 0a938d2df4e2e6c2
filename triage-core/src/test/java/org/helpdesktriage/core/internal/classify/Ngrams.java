package org.helpdesktriage.core.internal.classify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.internal.text.TicketText;

/** Counts the word n-grams of a text. Not API. */
final class Ngrams {

    private Ngrams() {}

    /**
     * Returns each n-gram of title and description (title words first), each title n-gram again when the settings have a title
     * zone, and each lead word
     * ({@link FeatureSettings#LEAD_PREFIX} and the word), with its count.
     */
    static Map<String, Integer> count(String title, String description, FeatureSettings s) {
        List<String> words = TicketText.tokenize(title);
        int titleWords = words.size();
        words.addAll(TicketText.tokenize(description));
        Map<String, Integer> counts = new HashMap<>();
        TrainingFeatures.walk(words, titleWords, s, (h, prefix, w, from, to) ->
                counts.merge(prefix + String.join(" ", w.subList(from, to)), 1, Integer::sum));
        return counts;
    }
}
