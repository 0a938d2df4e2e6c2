package org.helpdesktriage.cli.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.helpdesktriage.cli.report.Charts.Series;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.store.DeadLetter;
import org.helpdesktriage.store.RunRecord;

/**
 * The report of {@code runs report}: records read, triaged and rejected and the duration of
 * each run over time, the rejected records waiting as dead letters by the field in error, and
 * the dead letters by the day they last failed.
 */
public final class RunsHtml {

    static final int MAX_RUNS = 500;

    private RunsHtml() {
    }

    /** Returns the report of the run records and dead letters of one store. */
    public static HtmlReport of(List<RunRecord> runs, List<DeadLetter> letters, Instant now,
            String where) {
        List<RunRecord> sorted = runs.stream().sorted(Comparator.comparing(
                RunRecord::startedAt).thenComparing(RunRecord::runId)).toList();
        List<RunRecord> shown = sorted.subList(Math.max(0, sorted.size() - MAX_RUNS),
                sorted.size());
        HtmlReport page = new HtmlReport("Runs report", where + ", at " + now);
        page.fact("runs", runs.size())
                .fact("records read", sum(runs, "read"))
                .fact("triaged", sum(runs, "triaged"))
                .fact("rejected", sum(runs, "rejected"))
                .fact("dead letters waiting", letters.size());
        String none = runs.isEmpty() ? "No run records in " + where + ": nothing has run "
                + "against this store yet (or cleanup pruned every record)." : null;
        page.section(counts(shown, sorted.size(), none));
        page.section(durations(shown, none));
        page.section(reasons(letters));
        page.section(waiting(letters));
        return page;
    }

    private static Section counts(List<RunRecord> runs, int total, String none) {
        Section s = new Section("per-run", "Records per run", "What each run read, triaged "
                + "and rejected, oldest first.");
        if (none != null) {
            return s.message(none);
        }
        List<String> names = runs.stream().map(RunsHtml::label).toList();
        Chart chart = Charts.lines("Records read, triaged and rejected per run", names, List.of(
                series("read", "s1", runs), series("triaged", "s3", runs),
                series("rejected", "s2", runs)), Math.max(1, runs.stream()
                        .mapToLong(r -> count(r, "read")).max().orElse(1)));
        DataTable table = new DataTable("runs", "Runs", "run", "started", "command", "read",
                "triaged", "rejected", "duration ms", "exit code");
        runs.forEach(r -> table.row(r.runId(), r.startedAt(), r.command(), count(r, "read"),
                count(r, "triaged"), count(r, "rejected"), r.duration().toMillis(),
                r.exitCode()));
        if (total > runs.size()) {
            table.note("The latest " + runs.size() + " of " + total + " runs.");
        }
        return s.figure(chart, table);
    }

    private static Section durations(List<RunRecord> runs, String none) {
        Section s = new Section("durations", "Duration per run", "Seconds from start to "
                + "finish of each run.");
        if (none != null) {
            return s.message(none);
        }
        List<Double> seconds = runs.stream().map(r -> r.duration().toMillis() / 1000.0)
                .toList();
        Chart chart = Charts.columns("Duration per run, in seconds", runs.stream()
                .map(RunsHtml::label).toList(), List.of(new Series("seconds", "s1", seconds,
                        v -> String.format(java.util.Locale.ROOT, "%.3f s", v))),
                Math.max(0.001, seconds.stream().mapToDouble(d -> d).max().orElse(1)));
        DataTable table = new DataTable("durations", "Duration per run", "run", "started",
                "seconds");
        runs.forEach(r -> table.row(r.runId(), r.startedAt(), r.duration().toMillis()
                / 1000.0));
        return s.figure(chart, table);
    }

    private static Section reasons(List<DeadLetter> letters) {
        Section s = new Section("reasons", "Rejects by reason", "The rejected records waiting "
                + "as dead letters, by the field in error (a record with two errors counts "
                + "under both). Retried or discarded letters are gone from here.");
        if (letters.isEmpty()) {
            return s.message("No dead letters are waiting: no rejected record to show.");
        }
        Map<String, Integer> byField = new TreeMap<>();
        letters.forEach(l -> fields(l).forEach(f -> byField.merge(f, 1, Integer::sum)));
        DataTable table = new DataTable("reasons", "Rejects by field in error", "field",
                "records");
        byField.forEach(table::row);
        return s.figure(Charts.bars("Waiting rejected records by field in error",
                new ArrayList<>(byField.keySet()), List.of(new Series("records", "s2",
                        byField.values().stream().map(Integer::doubleValue).toList(),
                        v -> String.valueOf((long) v))), byField.values().stream()
                        .mapToInt(i -> i).max().orElse(1), null, null), table);
    }

    private static Section waiting(List<DeadLetter> letters) {
        Section s = new Section("dead-letters", "Dead letters waiting", "Rejected records "
                + "kept for a retry ('dead-letters retry' after a fix), by the day (UTC) they "
                + "last failed.");
        if (letters.isEmpty()) {
            return s.message("No dead letters are waiting.");
        }
        Map<LocalDate, Integer> perDay = new TreeMap<>();
        letters.forEach(l -> perDay.merge(LocalDate.ofInstant(l.time(), ZoneOffset.UTC), 1,
                Integer::sum));
        DataTable days = new DataTable("dead-letter-days", "Waiting by day of last failure",
                "day", "dead letters");
        perDay.forEach((d, n) -> days.row(d.toString(), n));
        Chart chart = Charts.columns("Dead letters waiting, by day of last failure",
                perDay.keySet().stream().map(LocalDate::toString).toList(), List.of(
                    new Series("dead letters", "s2", perDay.values().stream()
                            .map(Integer::doubleValue).toList(), v -> String.valueOf((long) v))),
                perDay.values().stream().mapToInt(i -> i).max().orElse(1));
        DataTable list = new DataTable("dead-letters", "Dead letters (oldest first)", "id",
                "last failed", "run", "source", "reason", "attempts");
        letters.stream().sorted(Comparator.comparing(DeadLetter::time)).limit(SlaHtml.MAX_ROWS)
                .forEach(l -> list.row(l.id(), l.time(), l.runId(), l.source(), l.reason(),
                        l.attempts()));
        if (letters.size() > SlaHtml.MAX_ROWS) {
            list.note("The oldest " + SlaHtml.MAX_ROWS + " of " + letters.size() + ".");
        }
        return s.figure(chart, days).figure(null, list);
    }

    // a field error's message starts with the field ("title is required"); other errors are
    // about the whole record ("malformed JSON at column 150")
    private static final Set<String> TICKET_FIELDS = java.util.Arrays.stream(
            Ticket.class.getRecordComponents()).map(c -> c.getName()
                    .replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT))
            .collect(java.util.stream.Collectors.toSet());

    /** Returns the fields a dead letter's reason names, or {@code record} for the whole. */
    static Set<String> fields(DeadLetter l) {
        String errors = l.reason().startsWith(l.source() + ": ")
                ? l.reason().substring(l.source().length() + 2) : l.reason();
        Set<String> fields = new LinkedHashSet<>();
        for (String error : errors.split("; ")) {
            String word = error.split("[ :]", 2)[0];
            fields.add(TICKET_FIELDS.contains(word) || l.record().containsKey(word) ? word
                    : "record");
        }
        return fields;
    }

    private static Series series(String name, String cls, List<RunRecord> runs) {
        return new Series(name, cls, runs.stream().map(r -> (double) count(r, name)).toList(),
                v -> String.valueOf((long) v));
    }

    private static String label(RunRecord r) {
        return r.startedAt().toString().substring(0, 16).replace('T', ' ');
    }

    private static long count(RunRecord r, String name) {
        return r.counts().getOrDefault(name, 0L);
    }

    private static long sum(List<RunRecord> runs, String name) {
        return runs.stream().mapToLong(r -> count(r, name)).sum();
    }
}
