package org.helpdesktriage.core.internal.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a ticket's title and description, tokenised once.
 *
 * <p>A word is a maximal run of letters and digits, lower-cased; everything else separates
 * words. So "Clock widget" holds the words {@code clock} and {@code widget}, and no
 * {@code lock}. Every whole-word test (rules, urgency keywords) reads these words, so a ticket's
 * text is scanned once however many keywords are tested.
 */
public final class TicketText {

    private final Words title;
    private final Words description;
    private Words text;

    private TicketText(Words title, Words description) {
        this.title = title;
        this.description = description;
    }

    /** Returns the words of a title and a description. */
    public static TicketText of(String title, String description) {
        return new TicketText(new Words(tokenize(title)), new Words(tokenize(description)));
    }

    /** Returns the title's words. */
    public Words title() {
        return title;
    }

    /** Returns the description's words. */
    public Words description() {
        return description;
    }

    /** Returns the words of title and description together, title first. */
    public Words text() {
        if (text == null) {
            List<String> all = new ArrayList<>(title.list().size() + description.list().size());
            all.addAll(title.list());
            all.addAll(description.list());
            text = new Words(all);
        }
        return text;
    }

    /** Splits {@code s} into lower-case words of letters and digits. */
    public static List<String> tokenize(String s) {
        List<String> words = new ArrayList<>();
        if (s == null) {
            return words;
        }
        int n = s.length();
        int start = -1;
        boolean upper = false;
        boolean ascii = true;
        // ASCII, nearly all text, is tested and lower-cased here; the rest goes through Character
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            boolean wordChar;
            boolean isUpper = false;
            int len = 1;
            if (c < 0x80) {
                isUpper = c >= 'A' && c <= 'Z';
                wordChar = isUpper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            } else {
                int cp = s.codePointAt(i);
                wordChar = Character.isLetterOrDigit(cp);
                len = Character.charCount(cp);
            }
            if (wordChar) {
                if (start < 0) {
                    start = i;
                    upper = false;
                    ascii = true;
                }
                upper |= isUpper;
                ascii &= c < 0x80;
            } else if (start >= 0) {
                words.add(word(s, start, i, upper, ascii));
                start = -1;
            }
            i += len;
        }
        if (start >= 0) {
            words.add(word(s, start, n, upper, ascii));
        }
        return words;
    }

    private static String word(String s, int start, int end, boolean upper, boolean ascii) {
        if (!ascii) {
            return s.substring(start, end).toLowerCase(Locale.ROOT);
        }
        if (!upper) {
            return s.substring(start, end);
        }
        char[] w = new char[end - start];
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            w[i - start] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return new String(w);
    }

    /** A sequence of words with a set view for membership tests. */
    public static final class Words {
        private static final int SCANS_BEFORE_SET = 16;
        private final List<String> list;
        private Set<String> set;
        private int scans;

        private Words(List<String> list) {
            this.list = list;
        }

        /** Returns the words of {@code s} ({@code null}: none). */
        public static Words of(String s) {
            return new Words(tokenize(s));
        }

        /** Returns the words in order. */
        public List<String> list() {
            return list;
        }

        /** Returns the distinct words. */
        public Set<String> set() {
            if (set == null) {
                set = new HashSet<>(list);
            }
            return set;
        }

        /** Returns whether {@code word} (lower-case) is one of the words. */
        public boolean contains(String word) {
            if (set == null) {
                // a hash set costs about as much to build as a dozen scans of a ticket's words,
                // and most configurations probe a text only a few times
                if (list.size() < 8 || ++scans <= SCANS_BEFORE_SET) {
                    return list.contains(word);
                }
                set();
            }
            return set.contains(word);
        }

        /** Returns how many of {@code words} (distinct, lower-case) occur. */
        public int countPresent(Collection<String> words) {
            int count = 0;
            for (String w : words) {
                if (contains(w)) {
                    count++;
                }
            }
            return count;
        }

        /** Returns whether {@code phrase} (lower-case words) occurs as consecutive words. */
        public boolean containsPhrase(List<String> phrase) {
            int m = phrase.size();
            if (m == 0) {
                return true;
            }
            for (int i = 0; i + m <= list.size(); i++) {
                if (phraseAt(list, i, phrase)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean phraseAt(List<String> list, int i, List<String> phrase) {
            int m = phrase.size();
            if (i + m > list.size()) {
                return false;
            }
            for (int j = 0; j < m; j++) {
                if (!list.get(i + j).equals(phrase.get(j))) {
                    return false;
                }
            }
            return true;
        }
    }
}
