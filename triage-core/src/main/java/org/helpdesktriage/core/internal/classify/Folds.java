package org.helpdesktriage.core.internal.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Deterministic stratified k-fold assignment: each label's examples, in input order, are
 * shuffled with the seed and dealt round-robin into the folds, so every fold holds about the
 * same share of every label.
 */
public final class Folds {

    private Folds() {}

    /**
     * Returns each example's fold number (0 to {@code folds - 1}), in input order.
     *
     * @throws IllegalArgumentException if {@code folds} is below 2
     */
    public static int[] stratified(List<LabelledText> data, int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("folds " + folds + " is below 2");
        }
        Map<String, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < data.size(); i++) {
            byLabel.computeIfAbsent(data.get(i).label(), k -> new ArrayList<>()).add(i);
        }
        Random random = new Random(seed);
        int[] fold = new int[data.size()];
        int next = 0;
        for (List<Integer> idx : byLabel.values()) {
            Collections.shuffle(idx, random);
            for (int i : idx) {
                fold[i] = next;
                next = (next + 1) % folds;
            }
        }
        return fold;
    }
}
