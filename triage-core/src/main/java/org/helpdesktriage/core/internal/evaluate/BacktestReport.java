package org.helpdesktriage.core.internal.evaluate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.helpdesktriage.core.TriageOutcome.TriageDecision;

/**
 * What a candidate configuration changes on history, against a baseline.
 *
 * @param read records read
 * @param total records both configurations triaged (the ones whose decisions compare)
 * @param changed records whose decision differs (a field of {@code byField}, or a record one
 *     configuration rejects and the other triages)
 * @param rejectedBefore records the baseline rejects
 * @param rejectedAfter records the candidate rejects
 * @param byField how many records changed each field: {@code category}, {@code team},
 *     {@code priority}, {@code sla_policy}, {@code rejected}
 * @param teams how many records went from each baseline team (outer key) to each candidate team
 * @param rules each rule's fire count (as the deciding rule) under both: {@code [before, after]}
 * @param labelled records with a label that both configurations triaged
 * @param correctBefore labelled records whose baseline category is the label
 * @param correctAfter labelled records whose candidate category is the label
 */
public record BacktestReport(long read, long total, long changed, long rejectedBefore,
        long rejectedAfter, Map<String, Long> byField, Map<String, Map<String, Long>> teams,
        Map<String, long[]> rules, long labelled, long correctBefore, long correctAfter) {

    /** Checks the values and copies the maps. */
    public BacktestReport {
        byField = Map.copyOf(byField);
        Map<String, Map<String, Long>> t = new TreeMap<>();
        teams.forEach((from, to) -> t.put(from, Map.copyOf(to)));
        teams = java.util.Collections.unmodifiableMap(t);
        rules = java.util.Collections.unmodifiableMap(new TreeMap<>(rules));
    }

    /** Returns the baseline's accuracy on the labelled records, or NaN without labels. */
    public double accuracyBefore() {
        return labelled == 0 ? Double.NaN : (double) correctBefore / labelled;
    }

    /** Returns the candidate's accuracy on the labelled records, or NaN without labels. */
    public double accuracyAfter() {
        return labelled == 0 ? Double.NaN : (double) correctAfter / labelled;
    }

    /** Counts decisions as a backtest goes. */
    static final class Counter {
        private long read;
        private long total;
        private long changed;
        private long rejectedBefore;
        private long rejectedAfter;
        private final Map<String, Long> byField = new LinkedHashMap<>();
        private final Map<String, Map<String, Long>> teams = new TreeMap<>();
        private final Map<String, long[]> rules = new TreeMap<>();
        private long labelled;
        private long correctBefore;
        private long correctAfter;

        Counter() {
            for (String f : List.of("category", "team", "priority", "sla_policy", "rejected")) {
                byField.put(f, 0L);
            }
        }

        void add(TriageDecision before, TriageDecision after,
                List<String> differences, String label) {
            read++;
            rejectedBefore += before.isRejected() ? 1 : 0;
            rejectedAfter += after.isRejected() ? 1 : 0;
            if (!differences.isEmpty()) {
                changed++;
                differences.forEach(f -> byField.merge(f, 1L, Long::sum));
            }
            if (before.rule() != null) {
                rules.computeIfAbsent(before.rule(), r -> new long[2])[0]++;
            }
            if (after.rule() != null) {
                rules.computeIfAbsent(after.rule(), r -> new long[2])[1]++;
            }
            if (before.isRejected() || after.isRejected()) {
                return;
            }
            total++;
            teams.computeIfAbsent(Objects.toString(before.team()), t -> new TreeMap<>())
                    .merge(Objects.toString(after.team()), 1L, Long::sum);
            if (label != null) {
                labelled++;
                correctBefore += label.equals(before.category()) ? 1 : 0;
                correctAfter += label.equals(after.category()) ? 1 : 0;
            }
        }

        BacktestReport report() {
            return new BacktestReport(read, total, changed, rejectedBefore, rejectedAfter,
                    byField, teams, rules, labelled, correctBefore, correctAfter);
        }
    }
}
