package org.helpdesktriage.core.internal.classify;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.helpdesktriage.core.internal.text.TicketText;

/**
 * The training side of the features: the vocabulary (n-grams kept by document frequency,
 * sorted), their IDF, and each text's L2-normalised log-count TF-IDF vector. Not API.
 *
 * <p>N-grams are counted by their 64-bit FNV-1a hash, the one {@link TermIndex} uses at
 * prediction time, and an n-gram's string is built only once the n-gram is known to be kept:
 * counting every n-gram of 38,000 tickets as strings in per-text maps held about 400 MB, and
 * most of those strings (n-grams seen once) were dropped anyway.
 */
final class TrainingFeatures {

    private static final long LEAD_HASH =
            TermIndex.append(TermIndex.OFFSET, FeatureSettings.LEAD_PREFIX);
    private static final long TITLE_HASH =
            TermIndex.append(TermIndex.OFFSET, FeatureSettings.TITLE_PREFIX);

    final List<String> terms;
    final float[] idf;
    final Feature[][] vectors;

    private TrainingFeatures(List<String> terms, float[] idf, Feature[][] vectors) {
        this.terms = terms;
        this.idf = idf;
        this.vectors = vectors;
    }

    /** Returns the vocabulary, IDF and vectors of {@code data}; each vector ends in a bias 1. */
    static TrainingFeatures of(List<LabelledText> data, FeatureSettings s) {
        int n = data.size();
        long[][] keys = new long[n][];
        int[][] counts = new int[n][];
        LongIntMap df = new LongIntMap(1 << 16);
        for (int d = 0; d < n; d++) {
            long[] h = hashes(data.get(d).title(), data.get(d).description(), s);
            Arrays.sort(h);
            int distinct = 0;
            for (int i = 0; i < h.length; i++) {
                if (i == 0 || h[i] != h[i - 1]) {
                    distinct++;
                }
            }
            long[] k = new long[distinct];
            int[] c = new int[distinct];
            int j = -1;
            for (int i = 0; i < h.length; i++) {
                if (i == 0 || h[i] != h[i - 1]) {
                    k[++j] = h[i];
                    df.add(h[i], 1);
                }
                c[j]++;
            }
            keys[d] = k;
            counts[d] = c;
        }
        // name the kept n-grams: a second pass builds a string only for a kept, unnamed hash
        LongIntMap named = new LongIntMap(1 << 16);
        List<String> names = new ArrayList<>();
        for (LabelledText t : data) {
            name(t, s, df, named, names);
        }
        String[] sorted = names.toArray(new String[0]);
        Arrays.sort(sorted);
        List<String> terms = List.of(sorted);
        TermIndex index = new TermIndex(terms);
        float[] idf = new float[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            long h = TermIndex.hash(sorted[i]);
            idf[i] = (float) (Math.log((1.0 + n) / (1.0 + df.get(h))) + 1.0);
        }
        Feature[][] vectors = new Feature[n][];
        for (int d = 0; d < n; d++) {
            vectors[d] = vector(keys[d], counts[d], index, idf);
            keys[d] = null;
            counts[d] = null;
        }
        return new TrainingFeatures(terms, idf, vectors);
    }

    /** Receives one feature occurrence: its hash, and how to spell it if needed. */
    @FunctionalInterface
    interface Sink {
        /** Takes the feature {@code prefix} + the words {@code from..to} joined by spaces. */
        void accept(long hash, String prefix, List<String> words, int from, int to);
    }

    /**
     * Gives every feature occurrence of a text whose first {@code titleWords} words are its
     * title: the n-grams of all its words, the title's n-grams again with
     * {@link FeatureSettings#TITLE_PREFIX} when the settings have a title zone, and the lead
     * words. Training and prediction both walk a text here, so they see the same features.
     */
    static void walk(List<String> words, int titleWords, FeatureSettings s, Sink sink) {
        ngrams(TermIndex.OFFSET, "", words, words.size(), s, sink);
        if (s.titleZone()) {
            ngrams(TITLE_HASH, FeatureSettings.TITLE_PREFIX, words, titleWords, s, sink);
        }
        for (int i = 0; i < Math.min(s.leadWords(), words.size()); i++) {
            sink.accept(TermIndex.append(LEAD_HASH, words.get(i)), FeatureSettings.LEAD_PREFIX,
                    words, i, i + 1);
        }
    }

    private static void ngrams(long start, String prefix, List<String> words, int end,
            FeatureSettings s, Sink sink) {
        for (int i = 0; i < end; i++) {
            long h = start;
            int maxN = Math.min(s.maxN(), end - i);
            for (int k = 1; k <= maxN; k++) {
                if (k > 1) {
                    h = TermIndex.space(h);
                }
                h = TermIndex.append(h, words.get(i + k - 1));
                if (k >= s.minN()) {
                    sink.accept(h, prefix, words, i, i + k);
                }
            }
        }
    }

    /** Returns the hash of every feature occurrence of a title and description. */
    static long[] hashes(String title, String description, FeatureSettings s) {
        List<String> words = TicketText.tokenize(title);
        int titleWords = words.size();
        words.addAll(TicketText.tokenize(description));
        int spans = s.maxN() - s.minN() + 1;
        long[] out = new long[(words.size() + (s.titleZone() ? titleWords : 0)) * spans
                + Math.min(s.leadWords(), words.size())];
        int[] m = {0};
        walk(words, titleWords, s, (h, prefix, w, from, to) -> out[m[0]++] = h);
        return m[0] == out.length ? out : Arrays.copyOf(out, m[0]);
    }

    private static void name(LabelledText t, FeatureSettings s, LongIntMap df, LongIntMap named,
            List<String> names) {
        List<String> words = TicketText.tokenize(t.title());
        int titleWords = words.size();
        words.addAll(TicketText.tokenize(t.description()));
        walk(words, titleWords, s, (h, prefix, w, from, to) -> {
            if (df.get(h) >= s.minDf() && named.get(h) == 0) {
                named.add(h, 1);
                names.add(prefix + String.join(" ", w.subList(from, to)));
            }
        });
    }

    private static Feature[] vector(long[] keys, int[] counts, TermIndex index, float[] idf) {
        int[] f = new int[keys.length];
        double[] v = new double[keys.length];
        int m = 0;
        for (int i = 0; i < keys.length; i++) {
            int feature = index.get(keys[i]);
            if (feature >= 0) {
                f[m] = feature;
                v[m] = (1 + Math.log(counts[i])) * idf[feature];
                m++;
            }
        }
        // feature order, so the vector (and its norm's rounding) does not depend on hashes
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(f[a], f[b]));
        double norm = 0;
        for (int i = 0; i < m; i++) {
            norm += v[order[i]] * v[order[i]];
        }
        double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        Feature[] out = new Feature[m + 1];
        for (int i = 0; i < m; i++) {
            out[i] = new FeatureNode(f[order[i]] + 1, v[order[i]] * scale);
        }
        out[m] = new FeatureNode(idf.length + 1, 1.0);
        return out;
    }

    /** A growing open-addressing map from 64-bit keys to positive counts; 0 means absent. */
    static final class LongIntMap {
        private long[] keys;
        private int[] values;
        private int size;

        LongIntMap(int capacity) {
            keys = new long[capacity];
            values = new int[capacity];
        }

        int get(long key) {
            int mask = keys.length - 1;
            for (int slot = slot(key, mask); values[slot] != 0; slot = (slot + 1) & mask) {
                if (keys[slot] == key) {
                    return values[slot];
                }
            }
            return 0;
        }

        void add(long key, int delta) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int slot = slot(key, mask);
            while (values[slot] != 0) {
                if (keys[slot] == key) {
                    values[slot] += delta;
                    return;
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            values[slot] = delta;
            size++;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldValues.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldValues[i] != 0) {
                    int slot = slot(oldKeys[i], mask);
                    while (values[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    values[slot] = oldValues[i];
                }
            }
        }

        private static int slot(long h, int mask) {
            return (int) (h ^ (h >>> 29) ^ (h >>> 47)) & mask;
        }
    }
}
