package org.helpdesktriage.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.helpdesktriage.cli.report.Charts.Series;
import org.helpdesktriage.core.TriageOutcome.TriageDecision;
import org.helpdesktriage.core.internal.evaluate.BacktestChange;
import org.helpdesktriage.core.internal.evaluate.BacktestReport;

/**
 * The report of {@code backtest --report}: drawn from the same {@link BacktestReport} the
 * command prints, and the first {@value #MAX_CHANGES} changed records.
 */
public final class BacktestHtml {

    /** The changed records the report lists; the rest are counted. */
    public static final int MAX_CHANGES = 1_000;

    private BacktestHtml() {
    }

    /** Returns the report of a backtest and the first changed records it met. */
    public static HtmlReport of(BacktestReport r, List<BacktestChange> changes, String what) {
        HtmlReport page = new HtmlReport("Backtest: what the candidate configuration changes",
                what);
        page.fact("records read", r.read()).fact("triaged under both", r.total())
                .fact("changed", r.changed()).fact("rejected before", r.rejectedBefore())
                .fact("rejected after", r.rejectedAfter());
        page.section(teams(r)).section(rules(r)).section(accuracy(r))
                .section(changed(r, changes));
        return page;
    }

    private static Section teams(BacktestReport r) {
        Section s = new Section("teams", "Teams, before and after", "How many records went "
                + "from each team under the baseline (rows) to each team under the candidate "
                + "(columns); off the diagonal, the records the change moves.");
        TreeSet<String> after = new TreeSet<>();
        r.teams().values().forEach(to -> after.addAll(to.keySet()));
        if (r.teams().isEmpty()) {
            return s.message("No record was triaged under both configurations: there is "
                    + "nothing to compare (an empty history, or every record rejected).");
        }
        List<String> rows = new ArrayList<>(r.teams().keySet());
        List<String> cols = new ArrayList<>(after);
        long[][] counts = new long[rows.size()][cols.size()];
        List<String> headers = new ArrayList<>(List.of("before \\ after"));
        headers.addAll(cols);
        DataTable table = new DataTable("teams", "Records from team (row) to team (column)",
                headers.toArray(String[]::new));
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Long> to = r.teams().get(rows.get(i));
            List<Object> row = new ArrayList<>(List.of(rows.get(i)));
            for (int j = 0; j < cols.size(); j++) {
                counts[i][j] = to.getOrDefault(cols.get(j), 0L);
                row.add(counts[i][j]);
            }
            table.row(row.toArray());
        }
        return s.figure(Charts.heatmap("Records from each baseline team to each candidate team",
                rows, cols, counts, "before", "after"), table);
    }

    private static Section rules(BacktestReport r) {
        Section s = new Section("rules", "Rule fire counts, before and after", "How often each "
                + "rule decided a record's route under each configuration.");
        if (r.rules().isEmpty()) {
            return s.message("No rule decided any record under either configuration.");
        }
        List<String> ids = new ArrayList<>(r.rules().keySet());
        List<Double> before = ids.stream().map(id -> (double) r.rules().get(id)[0]).toList();
        List<Double> afterFires = ids.stream().map(id -> (double) r.rules().get(id)[1]).toList();
        double max = Math.max(1, r.rules().values().stream()
                .mapToLong(f -> Math.max(f[0], f[1])).max().orElse(1));
        DataTable table = new DataTable("rules", "Fire counts per rule", "rule", "before",
                "after");
        r.rules().forEach((id, f) -> table.row(id, f[0], f[1]));
        return s.figure(Charts.bars("Fire counts per rule, baseline and candidate", ids,
                List.of(new Series("before (baseline)", "s1", before, BacktestHtml::count),
                    new Series("after (candidate)", "s2", afterFires, BacktestHtml::count)),
                max, null, null), table);
    }

    private static Section accuracy(BacktestReport r) {
        Section s = new Section("accuracy", "Accuracy, before and after", "The share of "
                + "labelled records whose category is the label, under each configuration.");
        if (r.labelled() == 0) {
            return s.message("No labels: give --label-field FIELD (a field holding each "
                    + "record's true category) to compare the accuracy of both.");
        }
        DataTable table = new DataTable("accuracy", "Accuracy on " + r.labelled()
                + " labelled records", "configuration", "accuracy", "right");
        table.row("before (baseline)", r.accuracyBefore(), r.correctBefore());
        table.row("after (candidate)", r.accuracyAfter(), r.correctAfter());
        return s.figure(Charts.bars("Accuracy of the baseline and the candidate", List.of(
                "accuracy"), List.of(new Series("before (baseline)", "s1", List.of(
                        r.accuracyBefore()), EvaluateHtml::f4), new Series("after (candidate)",
                        "s2", List.of(r.accuracyAfter()), EvaluateHtml::f4)), 1.0, null, null),
                table);
    }

    private static Section changed(BacktestReport r, List<BacktestChange> changes) {
        Section s = new Section("changed", "Changed records", "Each record whose decision "
                + "the candidate changes, with both decisions and the rule behind each.");
        if (changes.isEmpty()) {
            return s.message("The candidate changes no record's decision.");
        }
        DataTable table = new DataTable("changed", "Changed records", "ticket", "where",
                "changed", "before", "after");
        changes.stream().limit(MAX_CHANGES).forEach(c -> table.row(
                c.after().ticketId() != null ? c.after().ticketId() : c.before().ticketId(),
                c.position() == null ? null : c.position().toString(),
                String.join(", ", c.changed()), decision(c.before()), decision(c.after())));
        if (r.changed() > MAX_CHANGES) {
            table.note("The first " + MAX_CHANGES + " of " + r.changed() + " changed records; "
                    + "--diff FILE writes them all.");
        }
        return s.figure(null, table);
    }

    private static String decision(TriageDecision d) {
        return d.isRejected() ? "rejected: " + d.rejection() : d.category() + " \u2192 "
                + d.team() + ", " + d.priority() + (d.slaPolicy() == null ? ""
                        : ", SLA " + d.slaPolicy()) + (d.rule() == null ? ", no rule"
                                : ", rule " + d.rule());
    }

    private static String count(double v) {
        return String.valueOf((long) v);
    }
}
