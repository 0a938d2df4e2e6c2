package org.helpdesktriage.core.rules;

import java.util.List;
import org.helpdesktriage.core.text.TicketText;

/**
 * A field's words together with which {@link Vocabulary} words occur in them, as a bit set
 * indexed by id: computed on first use, once per ticket, so that every keyword list is then
 * tested with a few bitwise ands.
 */
final class IndexedWords {

    private final TicketText.Words words;
    private long[] bits;
    private int bitsCover;

    IndexedWords(TicketText.Words words) {
        this.words = words;
    }

    /** Returns the words. */
    TicketText.Words words() {
        return words;
    }

    /**
     * Returns the vocabulary bits of the words, covering at least the first {@code ids} ids
     * (computed again only if the vocabulary grew past them).
     */
    long[] bits(int ids) {
        if (bits == null || bitsCover < ids) {
            int n = Vocabulary.size();
            long[] b = new long[(n + 63) >>> 6];
            List<String> list = words.list();
            for (int i = 0, m = list.size(); i < m; i++) {
                int id = Vocabulary.idOf(list.get(i));
                if (id >= 0 && id < n) {
                    b[id >>> 6] |= 1L << id;
                }
            }
            bits = b;
            bitsCover = n;
        }
        return bits;
    }
}
