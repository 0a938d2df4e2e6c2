package org.helpdesktriage.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.helpdesktriage.core.io.AtomicOutput;

/**
 * A run's metrics in the Prometheus text format, for node_exporter's textfile collector:
 * counters by label, the run's duration, its exit code, and the time of the last successful
 * run (carried over from the previous file when this run failed). Written atomically, so the
 * collector never reads half a file.
 */
final class Metrics {

    private static final Pattern LAST_SUCCESS = Pattern.compile(
            "^helpdesk_triage_last_success_timestamp_seconds\\{command=\"([^\"]+)\"} (\\S+)$",
            Pattern.MULTILINE);

    private final String command;
    private final Map<String, Map<String, LongAdder>> counters = new ConcurrentHashMap<>();

    Metrics(String command) {
        this.command = command;
    }

    /** Adds one to counter {@code name} with the given label set ("outcome=\"triaged\""). */
    void increment(String name, String labels) {
        counters.computeIfAbsent(name, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(labels, k -> new LongAdder()).increment();
    }

    /** Adds {@code n} to counter {@code name} with the given label set. */
    void add(String name, String labels, long n) {
        counters.computeIfAbsent(name, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(labels, k -> new LongAdder()).add(n);
    }

    /** Writes the metrics file for a run that ended with {@code exitCode}. */
    void write(Path file, double seconds, int exitCode, Instant finishedAt) throws IOException {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(counters).forEach((name, series) -> {
            sb.append("# TYPE ").append(name).append(" counter\n");
            new TreeMap<>(series).forEach((labels, value) -> sb.append(name).append("{command=\"")
                    .append(command).append('"').append(labels.isEmpty() ? "" : "," + labels)
                    .append("} ").append(value.sum()).append('\n'));
        });
        sb.append("# TYPE helpdesk_triage_run_duration_seconds gauge\n")
                .append(series("helpdesk_triage_run_duration_seconds", seconds));
        sb.append("# TYPE helpdesk_triage_last_exit_code gauge\n")
                .append(series("helpdesk_triage_last_exit_code", exitCode));
        sb.append("# TYPE helpdesk_triage_last_run_timestamp_seconds gauge\n")
                .append(series("helpdesk_triage_last_run_timestamp_seconds",
                        finishedAt.getEpochSecond()));
        String lastSuccess = exitCode == 0 || exitCode == 4
                ? String.valueOf(finishedAt.getEpochSecond()) : previousSuccess(file);
        if (lastSuccess != null) {
            sb.append("# TYPE helpdesk_triage_last_success_timestamp_seconds gauge\n")
                    .append("helpdesk_triage_last_success_timestamp_seconds{command=\"")
                    .append(command).append("\"} ").append(lastSuccess).append('\n');
        }
        try (AtomicOutput out = AtomicOutput.create(file)) {
            out.stream().write(sb.toString().getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
    }

    private String series(String name, double value) {
        String v = value == Math.rint(value) ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.3f", value);
        return name + "{command=\"" + command + "\"} " + v + "\n";
    }

    private String previousSuccess(Path file) {
        try {
            Matcher m = LAST_SUCCESS.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                if (m.group(1).equals(command)) {
                    return m.group(2);
                }
            }
        } catch (IOException e) {
            // no earlier file: no success to carry over
        }
        return null;
    }
}
