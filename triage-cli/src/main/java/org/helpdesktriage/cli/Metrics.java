package org.helpdesktriage.cli;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.helpdesktriage.core.internal.io.AtomicOutput;

/**
 * A command's metrics in the Prometheus text format, for node_exporter's textfile collector.
 * Counters are running totals, as Prometheus means them: each run adds its counts to the totals
 * the previous file held for the same command, so that {@code increase()} and {@code rate()}
 * see every run, even two alike in a row (a deleted or foreign file starts them again from zero,
 * which Prometheus reads as a counter reset). Every series a command can write is present, at
 * zero until it first counts, so that an alert on a series that has never moved still fires.
 * Gauges describe the last run: its duration, exit code and finish time, and the time of the
 * last successful run (carried over from the previous file when this run failed). The
 * Prometheus Java client's
 * exposition library writes the file, so HELP and TYPE lines and the escaping of label values
 * (quotes, backslashes, newlines) are the format's own; {@link AtomicOutput} writes it, so the
 * collector never reads half a file.
 */
final class Metrics {

    /** Every metric a command may write, with its HELP text; names are today's. */
    static final Map<String, String> HELP = Map.ofEntries(
            Map.entry("helpdesk_triage_records", "Records read by the run, by outcome."),
            Map.entry("helpdesk_triage_tickets",
                    "Triaged tickets by routed category and priority."),
            Map.entry("helpdesk_triage_cache_lookups", "Result-cache lookups, by result."),
            Map.entry("helpdesk_triage_shadow_decisions", "Records the shadow configuration "
                    + "decided (triage --shadow), by whether it agreed with the live one."),
            Map.entry("helpdesk_triage_escalations", "Tickets escalated, by new priority."),
            Map.entry("helpdesk_triage_tickets_checked", "Tickets the escalation looked at."),
            Map.entry("helpdesk_triage_sla_stages", "SLA escalation stages applied, by stage."),
            Map.entry("helpdesk_triage_sla_unmeasured",
                    "Tickets whose SLA the escalation could not measure."),
            Map.entry("helpdesk_triage_assignments", "Tickets assigned to an agent, by team."),
            Map.entry("helpdesk_triage_assignment_waits", "Tickets left waiting on their "
                    + "team's queue by the run, by reason."),
            Map.entry("helpdesk_triage_cleaned_tickets", "Tickets archived or deleted."),
            Map.entry("helpdesk_triage_retries", "Dead letters retried, by outcome."),
            Map.entry("helpdesk_triage_dead_letters_discarded", "Dead letters discarded."),
            Map.entry("helpdesk_triage_run_duration_seconds", "Wall time of the run."),
            Map.entry("helpdesk_triage_last_exit_code", "Exit code of the run."),
            Map.entry("helpdesk_triage_last_run_timestamp_seconds",
                    "When the run finished, in seconds since the epoch."),
            Map.entry("helpdesk_triage_last_success_timestamp_seconds",
                    "When the last run that completed (exit 0 or 4) finished, in seconds since "
                            + "the epoch."));

    private static final String LAST_SUCCESS = "helpdesk_triage_last_success_timestamp_seconds";
    // the file is ours: its command label holds only a command name, never a quote
    private static final Pattern LAST_SUCCESS_LINE = Pattern.compile(
            "^" + LAST_SUCCESS + "\\{command=\"([^\"]+)\"} (\\S+)$", Pattern.MULTILINE);

    private final String command;
    private final Map<String, Map<Map<String, String>, LongAdder>> counters =
            new ConcurrentHashMap<>();

    Metrics(String command) {
        this.command = command;
    }

    /**
     * Declares a series of counter {@code name} (as written, ending in {@code _total}), so that
     * it is written, at zero if nothing counts it.
     */
    void declare(String name, Map<String, String> labels) {
        counter(name, labels);
    }

    /**
     * Adds one to counter {@code name} (as written, ending in {@code _total}) with these labels.
     */
    void increment(String name, Map<String, String> labels) {
        counter(name, labels).increment();
    }

    /** Adds {@code n} to counter {@code name} with these labels. */
    void add(String name, Map<String, String> labels, long n) {
        counter(name, labels).add(n);
    }

    private LongAdder counter(String name, Map<String, String> labels) {
        String family = name.endsWith("_total") ? name.substring(0, name.length() - 6) : name;
        if (!HELP.containsKey(family)) {
            throw new IllegalArgumentException("metric " + name + " has no HELP text in "
                    + "Metrics.HELP");
        }
        return counters.computeIfAbsent(family, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(Map.copyOf(labels), k -> new LongAdder());
    }

    /** Writes the metrics file for a run that ended with {@code exitCode}. */
    void write(Path file, double seconds, int exitCode, Instant finishedAt) throws IOException {
        Map<String, Map<Map<String, String>, Double>> totals = previousTotals(file);
        counters.forEach((family, series) -> series.forEach((labels, value) -> totals
                .computeIfAbsent(family, k -> new TreeMap<>(LABELS_ORDER))
                .merge(labels, value.doubleValue(), Double::sum)));
        List<MetricSnapshot> snapshots = new ArrayList<>();
        new TreeMap<>(totals).forEach((family, series) -> {
            CounterSnapshot.Builder b = CounterSnapshot.builder().name(family)
                    .help(HELP.get(family));
            series.forEach((labels, value) -> b.dataPoint(CounterSnapshot.CounterDataPointSnapshot
                    .builder().labels(labels(labels)).value(value).build()));
            snapshots.add(b.build());
        });
        snapshots.add(gauge("helpdesk_triage_run_duration_seconds", seconds));
        snapshots.add(gauge("helpdesk_triage_last_exit_code", exitCode));
        snapshots.add(gauge("helpdesk_triage_last_run_timestamp_seconds",
                finishedAt.getEpochSecond()));
        Double lastSuccess = exitCode == 0 || exitCode == 4
                ? Double.valueOf(finishedAt.getEpochSecond()) : previousSuccess(file);
        if (lastSuccess != null) {
            snapshots.add(gauge(LAST_SUCCESS, lastSuccess));
        }
        try (AtomicOutput out = AtomicOutput.create(file)) {
            PrometheusTextFormatWriter.create().write(out.stream(),
                    new MetricSnapshots(snapshots), EscapingScheme.UNDERSCORE_ESCAPING);
            out.commit();
        }
    }

    private Labels labels(Map<String, String> labels) {
        Labels.Builder b = Labels.builder().label("command", command);
        labels.forEach(b::label);
        return b.build();
    }

    private GaugeSnapshot gauge(String name, double value) {
        return GaugeSnapshot.builder().name(name).help(HELP.get(name))
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .labels(Labels.of("command", command)).value(value).build())
                .build();
    }

    // this command's counters in the file the previous run wrote; none when it is missing or
    // not ours
    private Map<String, Map<Map<String, String>, Double>> previousTotals(Path file) {
        Map<String, Map<Map<String, String>, Double>> totals = new TreeMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            return totals;
        }
        for (String line : lines) {
            MetricsLine.parse(line).ifPresent(sample -> {
                String name = sample.name();
                if (!name.endsWith("_total")) {
                    return;
                }
                String family = name.substring(0, name.length() - 6);
                Map<String, String> labels = new TreeMap<>(sample.labels());
                if (HELP.containsKey(family) && command.equals(labels.remove("command"))
                        && Double.isFinite(sample.value()) && sample.value() >= 0) {
                    totals.computeIfAbsent(family, k -> new TreeMap<>(LABELS_ORDER))
                            .put(Map.copyOf(labels), sample.value());
                }
            });
        }
        return totals;
    }

    // label sets in a stable order, so that the file lists series the same way every run
    private static final java.util.Comparator<Map<String, String>> LABELS_ORDER =
            java.util.Comparator.comparing(labels -> new TreeMap<>(labels).toString());

    private Double previousSuccess(Path file) {
        try {
            Matcher m = LAST_SUCCESS_LINE.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                if (m.group(1).equals(command)) {
                    return Double.valueOf(m.group(2));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no earlier file, or not ours: no success to carry over
        }
        return null;
    }
}
