package org.helpdesktriage.core.internal.evaluate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Quality figures of a classifier from (actual, predicted) label pairs: accuracy, macro and
 * weighted F1, per-label precision/recall/F1/support and the confusion matrix. Labels are in
 * sorted order, so output is stable. Immutable.
 *
 * <pre>{@code
 * ClassificationMetrics m = ClassificationMetrics.of(actual, predicted);
 * System.out.println(m.toTable());
 * }</pre>
 */
public final class ClassificationMetrics {

    private final List<String> labels;
    private final long[][] confusion;
    private final long total;
    private final List<ClassMetrics> perClass;

    private ClassificationMetrics(List<String> labels, long[][] confusion) {
        this.labels = List.copyOf(labels);
        this.confusion = confusion;
        long t = 0;
        for (long[] row : confusion) {
            for (long v : row) {
                t += v;
            }
        }
        this.total = t;
        List<ClassMetrics> pc = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            long tp = confusion[i][i];
            long actual = 0;
            long predicted = 0;
            for (int j = 0; j < labels.size(); j++) {
                actual += confusion[i][j];
                predicted += confusion[j][i];
            }
            double p = predicted == 0 ? 0 : (double) tp / predicted;
            double r = actual == 0 ? 0 : (double) tp / actual;
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            pc.add(new ClassMetrics(labels.get(i), p, r, f, (int) actual));
        }
        this.perClass = List.copyOf(pc);
    }

    /**
     * Returns the metrics of paired lists of actual and predicted labels.
     *
     * @throws IllegalArgumentException if the lists differ in length or are empty
     */
    public static ClassificationMetrics of(List<String> actual, List<String> predicted) {
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(predicted, "predicted");
        if (actual.size() != predicted.size()) {
            throw new IllegalArgumentException("actual has " + actual.size()
                    + " labels but predicted has " + predicted.size());
        }
        if (actual.isEmpty()) {
            throw new IllegalArgumentException("no labels to evaluate");
        }
        TreeSet<String> set = new TreeSet<>(actual);
        set.addAll(predicted);
        List<String> labels = new ArrayList<>(set);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        long[][] m = new long[labels.size()][labels.size()];
        for (int i = 0; i < actual.size(); i++) {
            m[index.get(actual.get(i))][index.get(predicted.get(i))]++;
        }
        return new ClassificationMetrics(labels, m);
    }

    /** Returns the labels in sorted order; the rows and columns of {@link #confusion()}. */
    public List<String> labels() {
        return labels;
    }

    /** Returns the number of examples. */
    public long total() {
        return total;
    }

    /** Returns a copy of the confusion matrix: row = actual label, column = predicted label. */
    public long[][] confusion() {
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** Returns the share of examples predicted right. */
    public double accuracy() {
        long right = 0;
        for (int i = 0; i < confusion.length; i++) {
            right += confusion[i][i];
        }
        return (double) right / total;
    }

    /** Returns the unweighted mean of the per-label F1 over labels with support. */
    public double macroF1() {
        double sum = 0;
        int n = 0;
        for (ClassMetrics c : perClass) {
            if (c.support() > 0) {
                sum += c.f1();
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Returns the support-weighted mean of the per-label F1. */
    public double weightedF1() {
        double sum = 0;
        for (ClassMetrics c : perClass) {
            sum += c.f1() * c.support();
        }
        return sum / total;
    }

    /** Returns the figures of every label, in {@link #labels()} order. */
    public List<ClassMetrics> perClass() {
        return perClass;
    }

    /** Returns the figures as a plain-text table with the confusion matrix below. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        int w = Math.max(12, labels.stream().mapToInt(String::length).max().orElse(0) + 2);
        sb.append(String.format(Locale.ROOT, "%-" + w + "s %9s %9s %9s %9s%n",
                "label", "precision", "recall", "f1", "support"));
        for (ClassMetrics c : perClass) {
            sb.append(String.format(Locale.ROOT, "%-" + w + "s %9.4f %9.4f %9.4f %9d%n",
                    c.label(), c.precision(), c.recall(), c.f1(), c.support()));
        }
        sb.append(String.format(Locale.ROOT, "%naccuracy %.4f  macro-F1 %.4f  weighted-F1 %.4f"
                + "  n %d%n%nconfusion (row = actual, column = predicted)%n",
                accuracy(), macroF1(), weightedF1(), total));
        sb.append(String.format(Locale.ROOT, "%-" + w + "s", ""));
        for (int j = 0; j < labels.size(); j++) {
            sb.append(String.format(Locale.ROOT, " %6s", "[" + j + "]"));
        }
        sb.append(System.lineSeparator());
        for (int i = 0; i < labels.size(); i++) {
            sb.append(String.format(Locale.ROOT, "%-" + w + "s", "[" + i + "] " + labels.get(i)));
            for (int j = 0; j < labels.size(); j++) {
                sb.append(String.format(Locale.ROOT, " %6d", confusion[i][j]));
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** Returns the figures as a JSON tree: totals, per-label figures, labels and confusion. */
    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        root.put("total", total);
        root.put("accuracy", accuracy());
        root.put("macro_f1", macroF1());
        root.put("weighted_f1", weightedF1());
        ArrayNode classes = root.putArray("classes");
        for (ClassMetrics c : perClass) {
            ObjectNode n = classes.addObject();
            n.put("label", c.label());
            n.put("precision", c.precision());
            n.put("recall", c.recall());
            n.put("f1", c.f1());
            n.put("support", c.support());
        }
        ArrayNode ls = root.putArray("labels");
        labels.forEach(ls::add);
        ArrayNode cm = root.putArray("confusion");
        for (long[] row : confusion) {
            ArrayNode r = cm.addArray();
            for (long v : row) {
                r.add(v);
            }
        }
        return root;
    }
}
