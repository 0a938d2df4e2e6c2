package org.helpdesktriage.core.classify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.text.TicketText;

/** Counts the word n-grams of a text. Not API. */
final class Ngrams {

    private Ngrams() {}

    /**
     * Returns each n-gram of title and description (title words first), and each lead word
     * ({@link FeatureSettings#LEAD_PREFIX} and the word), with its count.
     */
    static Map<String, Integer> count(String title, String description, FeatureSettings s) {
        List<String> words = TicketText.tokenize(title);
        words.addAll(TicketText.tokenize(description));
        Map<String, Integer> counts = new HashMap<>(words.size() * (s.maxN() - s.minN() + 1) * 2);
        StringBuilder sb = new StringBuilder();
        for (int n = s.minN(); n <= s.maxN(); n++) {
            for (int i = 0; i + n <= words.size(); i++) {
                String gram;
                if (n == 1) {
                    gram = words.get(i);
                } else {
                    sb.setLength(0);
                    sb.append(words.get(i));
                    for (int j = 1; j < n; j++) {
                        sb.append(' ').append(words.get(i + j));
                    }
                    gram = sb.toString();
                }
                counts.merge(gram, 1, Integer::sum);
            }
        }
        for (int i = 0; i < Math.min(s.leadWords(), words.size()); i++) {
            counts.merge(FeatureSettings.LEAD_PREFIX + words.get(i), 1, Integer::sum);
        }
        return counts;
    }
}
