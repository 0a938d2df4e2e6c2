package org.helpdesktriage.core.internal.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.helpdesktriage.core.internal.text.TicketText;

/**
 * A keyword list prepared at load time: single words in a hash set, and keywords of several words
 * ("log in") as phrases. Every word is lower-case already, so tickets never lower-case keywords.
 *
 * <p>Words and the first words of phrases get ids in the rule set's {@link Vocabulary}, so a
 * test against a ticket is a few bitwise ands on the ticket's vocabulary bits (one hash lookup
 * per ticket word, once per ticket and vocabulary) rather than a lookup per keyword per rule; a
 * phrase is only looked for when its first word occurs, which in most tickets it does not.
 */
final class Keywords {

    private final Set<String> words;
    private final String[] wordArray;
    private final List<List<String>> phrases;
    // the non-zero 64-bit words of the single words' id mask
    private final int[] maskIndex;
    private final long[] mask;
    private final int[] phraseFirst;
    private final Vocabulary vocabulary;

    private Keywords(Set<String> words, List<List<String>> phrases, Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.words = Set.copyOf(words);
        this.wordArray = words.toArray(new String[0]);
        this.phrases = List.copyOf(phrases);
        TreeMap<Integer, Long> m = new TreeMap<>();
        for (String w : wordArray) {
            int id = vocabulary.intern(w);
            m.merge(id >>> 6, 1L << id, (a, b) -> a | b);
        }
        this.maskIndex = m.keySet().stream().mapToInt(Integer::intValue).toArray();
        this.mask = m.values().stream().mapToLong(Long::longValue).toArray();
        this.phraseFirst = new int[phrases.size()];
        for (int i = 0; i < phraseFirst.length; i++) {
            phraseFirst[i] = vocabulary.intern(phrases.get(i).get(0));
        }
    }

    /**
     * Prepares keywords, giving their words ids in {@code vocabulary} (the rule set's); returns
     * {@code null} when one holds no word at all (the caller reports it).
     */
    static Keywords of(List<String> keywords, Vocabulary vocabulary) {
        Set<String> words = new LinkedHashSet<>();
        List<List<String>> phrases = new ArrayList<>();
        for (String k : keywords) {
            List<String> tokens = TicketText.tokenize(k);
            if (tokens.isEmpty()) {
                return null;
            }
            if (tokens.size() == 1) {
                words.add(tokens.get(0));
            } else {
                phrases.add(List.copyOf(tokens));
            }
        }
        return new Keywords(words, phrases, vocabulary);
    }

    /** Returns whether any keyword occurs in {@code text}. */
    boolean anyIn(IndexedWords text) {
        long[] bits = text.bits(vocabulary);
        for (int i = 0; i < mask.length; i++) {
            if ((bits[maskIndex[i]] & mask[i]) != 0) {
                return true;
            }
        }
        for (int i = 0; i < phraseFirst.length; i++) {
            int id = phraseFirst[i];
            if ((bits[id >>> 6] & (1L << id)) != 0 && text.words().containsPhrase(phrases.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** Returns whether every keyword occurs in {@code text}. */
    boolean allIn(IndexedWords text) {
        long[] bits = text.bits(vocabulary);
        for (int i = 0; i < mask.length; i++) {
            if ((bits[maskIndex[i]] & mask[i]) != mask[i]) {
                return false;
            }
        }
        for (int i = 0; i < phraseFirst.length; i++) {
            int id = phraseFirst[i];
            if ((bits[id >>> 6] & (1L << id)) == 0 || !text.words().containsPhrase(phrases.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Returns whether every keyword occurs in at least one of {@code texts} (tags). */
    boolean allAcross(List<IndexedWords> texts) {
        for (String w : wordArray) {
            if (!anyContains(texts, w)) {
                return false;
            }
        }
        for (int i = 0, n = phrases.size(); i < n; i++) {
            List<String> phrase = phrases.get(i);
            boolean found = false;
            for (int t = 0, m = texts.size(); t < m && !found; t++) {
                found = texts.get(t).words().containsPhrase(phrase);
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyContains(List<IndexedWords> texts, String word) {
        for (int t = 0, m = texts.size(); t < m; t++) {
            if (texts.get(t).words().contains(word)) {
                return true;
            }
        }
        return false;
    }
}
