package org.helpdesktriage.core.internal.rules;

import java.util.List;
import org.helpdesktriage.core.internal.text.TicketText;

/**
 * A field's words together with which words of a {@link Vocabulary} occur in them, as a bit set
 * indexed by id: computed on first use, once per ticket and vocabulary, so that every keyword list
 * is then tested with a few bitwise ands.
 */
final class IndexedWords {

    private final TicketText.Words words;
    private Vocabulary bitsOf;
    private long[] bits;

    IndexedWords(TicketText.Words words) {
        this.words = words;
    }

    /** Returns the words. */
    TicketText.Words words() {
        return words;
    }

    /**
     * Returns the bits of the words in {@code vocabulary}, computed again only when a keyword
     * list of another vocabulary (another rule set, or an SLA condition) asked last.
     */
    long[] bits(Vocabulary vocabulary) {
        if (bitsOf != vocabulary) {
            int n = vocabulary.size();
            long[] b = new long[(n + 63) >>> 6];
            List<String> list = words.list();
            for (int i = 0, m = list.size(); i < m; i++) {
                int id = vocabulary.idOf(list.get(i));
                if (id >= 0) {
                    b[id >>> 6] |= 1L << id;
                }
            }
            bits = b;
            bitsOf = vocabulary;
        }
        return bits;
    }
}
