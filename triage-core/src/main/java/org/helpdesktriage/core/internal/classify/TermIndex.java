package org.helpdesktriage.core.internal.classify;

import java.util.List;

/**
 * Maps an n-gram to its feature number through a 64-bit FNV-1a hash of its words joined by
 * single spaces, so prediction can look up n-grams without building their strings. Open
 * addressing; immutable after construction. Not API.
 */
final class TermIndex {

    static final long OFFSET = 0xcbf29ce484222325L;
    static final long PRIME = 0x100000001b3L;

    // slot i holds its key at table[2i] and its feature number at table[2i + 1], -1 when empty,
    // so a lookup reads one cache line instead of one in a key array and one in a value array
    private final long[] table;
    private final int mask;

    TermIndex(List<String> terms) {
        int cap = Integer.highestOneBit(Math.max(4, terms.size() * 2 + 1)) * 2;
        table = new long[cap * 2];
        for (int slot = 0; slot < cap; slot++) {
            table[2 * slot + 1] = -1;
        }
        mask = cap - 1;
        for (int i = 0; i < terms.size(); i++) {
            long h = append(OFFSET, terms.get(i));
            int slot = slot(h);
            while (table[2 * slot + 1] >= 0) {
                if (table[2 * slot] == h) {
                    throw new IllegalArgumentException("terms '"
                            + terms.get((int) table[2 * slot + 1]) + "' and '" + terms.get(i)
                            + "' have the same 64-bit hash");
                }
                slot = (slot + 1) & mask;
            }
            table[2 * slot] = h;
            table[2 * slot + 1] = i;
        }
    }

    /** Returns the hash {@code h} extended by the characters of {@code s}. */
    static long append(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= PRIME;
        }
        return h;
    }

    /** Returns the hash of a whole term. */
    static long hash(String term) {
        return append(OFFSET, term);
    }

    /** Returns the hash {@code h} extended by one space. */
    static long space(long h) {
        return (h ^ ' ') * PRIME;
    }

    private int slot(long h) {
        return (int) (h ^ (h >>> 29)) & mask;
    }

    /** Returns the feature number of the n-gram with hash {@code h}, or -1. */
    int get(long h) {
        int slot = slot(h);
        long value;
        while ((value = table[2 * slot + 1]) >= 0) {
            if (table[2 * slot] == h) {
                return (int) value;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }
}
