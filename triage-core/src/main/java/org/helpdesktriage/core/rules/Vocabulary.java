package org.helpdesktriage.core.rules;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Small ids for the words of long keyword lists, shared by every rule set in the process, so
 * that a ticket's words are looked up once ({@link IndexedWords#bits}) and each keyword list
 * is then tested with a few bitwise ands instead of a hash lookup per keyword. Ids are only ever
 * added; a ticket's bits cover the ids that existed when they were computed.
 */
final class Vocabulary {

    private static final ConcurrentHashMap<String, Integer> IDS = new ConcurrentHashMap<>();

    private Vocabulary() {
    }

    /** Returns the id of {@code word}, giving it the next one if it has none. */
    static synchronized int intern(String word) {
        Integer id = IDS.get(word);
        if (id == null) {
            id = IDS.size();
            IDS.put(word, id);
        }
        return id;
    }

    /** Returns the id of {@code word}, or -1. */
    static int idOf(String word) {
        Integer id = IDS.get(word);
        return id == null ? -1 : id;
    }

    /** Returns how many ids there are. */
    static int size() {
        return IDS.size();
    }
}
