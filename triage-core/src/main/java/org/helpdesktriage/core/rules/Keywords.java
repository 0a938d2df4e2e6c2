package org.helpdesktriage.core.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.helpdesktriage.core.rules.TicketText.Words;

/**
 * A keyword list prepared at load time: single words in a hash set, and keywords of several words
 * ("log in") as phrases. Every word is lower-case already, so tickets never lower-case keywords.
 */
final class Keywords {

    private final Set<String> words;
    private final String[] wordArray;
    private final List<List<String>> phrases;
    // a phrase is only looked for where its first word occurs, which most tickets lack
    private final Map<String, List<List<String>>> phrasesByFirst;
    private final String[] probes;

    private Keywords(Set<String> words, List<List<String>> phrases) {
        this.words = Set.copyOf(words);
        this.wordArray = words.toArray(new String[0]);
        this.phrases = List.copyOf(phrases);
        Map<String, List<List<String>>> byFirst = new HashMap<>();
        for (List<String> phrase : phrases) {
            byFirst.computeIfAbsent(phrase.get(0), k -> new ArrayList<>()).add(phrase);
        }
        this.phrasesByFirst = byFirst;
        Set<String> all = new LinkedHashSet<>(words);
        all.addAll(byFirst.keySet());
        this.probes = all.toArray(new String[0]);
    }

    /**
     * Prepares keywords; returns {@code null} when one holds no word at all (the caller reports
     * it).
     */
    static Keywords of(List<String> keywords) {
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
        return new Keywords(words, phrases);
    }

    /** Returns whether any keyword occurs in {@code text}. */
    boolean anyIn(Words text) {
        List<String> list = text.list();
        // walk the shorter side: few keywords probe the ticket's word set, a long keyword
        // list is probed by each of the ticket's few words
        if (probes.length <= list.size()) {
            for (String p : probes) {
                if (text.contains(p)) {
                    if (words.contains(p)) {
                        return true;
                    }
                    List<List<String>> ps = phrasesByFirst.get(p);
                    for (int j = 0, m = ps.size(); j < m; j++) {
                        if (text.containsPhrase(ps.get(j))) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
        for (int i = 0, n = list.size(); i < n; i++) {
            String w = list.get(i);
            if (words.contains(w)) {
                return true;
            }
            List<List<String>> ps = phrasesByFirst.get(w);
            if (ps != null) {
                for (int j = 0, m = ps.size(); j < m; j++) {
                    if (Words.phraseAt(list, i, ps.get(j))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Returns whether every keyword occurs in {@code text}. */
    boolean allIn(Words text) {
        for (String w : wordArray) {
            if (!text.contains(w)) {
                return false;
            }
        }
        for (int i = 0, n = phrases.size(); i < n; i++) {
            List<String> phrase = phrases.get(i);
            if (!text.contains(phrase.get(0)) || !text.containsPhrase(phrase)) {
                return false;
            }
        }
        return true;
    }

    /** Returns whether every keyword occurs in at least one of {@code texts} (tags). */
    boolean allAcross(List<Words> texts) {
        for (String w : wordArray) {
            if (!anyContains(texts, w)) {
                return false;
            }
        }
        for (int i = 0, n = phrases.size(); i < n; i++) {
            List<String> phrase = phrases.get(i);
            boolean found = false;
            for (int t = 0, m = texts.size(); t < m && !found; t++) {
                found = texts.get(t).containsPhrase(phrase);
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyContains(List<Words> texts, String word) {
        for (int t = 0, m = texts.size(); t < m; t++) {
            if (texts.get(t).contains(word)) {
                return true;
            }
        }
        return false;
    }
}
