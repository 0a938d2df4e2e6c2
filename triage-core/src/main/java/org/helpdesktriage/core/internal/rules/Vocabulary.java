package org.helpdesktriage.core.internal.rules;

import java.util.HashMap;
import java.util.Map;

/**
 * Small ids for the words of the keyword lists of one compiled rule set (or one compiled
 * condition), so that a ticket's words are looked up once ({@link IndexedWords#bits}) and each
 * keyword list is then tested with a few bitwise ands instead of a hash lookup per keyword. Ids
 * are given while the rule set compiles, on one thread; once compiled, the vocabulary is only
 * read, so it may then be shared by the threads that evaluate the rule set. Two rule sets in one
 * process have two vocabularies: neither grows the other's.
 */
final class Vocabulary {

    private final Map<String, Integer> ids = new HashMap<>();

    /** Returns the id of {@code word}, giving it the next one if it has none. */
    int intern(String word) {
        Integer id = ids.get(word);
        if (id == null) {
            id = ids.size();
            ids.put(word, id);
        }
        return id;
    }

    /** Returns the id of {@code word}, or -1. */
    int idOf(String word) {
        Integer id = ids.get(word);
        return id == null ? -1 : id;
    }

    /** Returns how many ids there are. */
    int size() {
        return ids.size();
    }
}
