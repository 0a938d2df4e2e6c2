package org.helpdesktriage.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One sample line of the Prometheus text format, {@code name{label="value",...} number}, as
 * {@link Metrics} reads back the file it wrote before: label values unescaped ({@code \\},
 * {@code \"}, {@code \n}).
 *
 * @param name the metric name
 * @param labels label names to values
 * @param value the sample's value
 */
record MetricsLine(String name, Map<String, String> labels, double value) {

    /** Parses a sample line; empty for comments, blank lines and lines that are not samples. */
    static Optional<MetricsLine> parse(String line) {
        if (line.isBlank() || line.startsWith("#")) {
            return Optional.empty();
        }
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (i < line.length() && line.charAt(i) != '}') {
                int eq = line.indexOf("=\"", i);
                if (eq < 0) {
                    return Optional.empty();
                }
                String label = line.substring(i, eq);
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (; j < line.length() && line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\' && j + 1 < line.length()) {
                        char next = line.charAt(++j);
                        value.append(next == 'n' ? '\n' : next);
                    } else {
                        value.append(c);
                    }
                }
                if (j >= line.length()) {
                    return Optional.empty();
                }
                labels.put(label, value.toString());
                i = j + 1;
                if (i < line.length() && line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        String[] rest = line.substring(Math.min(i, line.length())).trim().split(" ");
        try {
            return name.isEmpty() ? Optional.empty()
                    : Optional.of(new MetricsLine(name, labels, Double.parseDouble(rest[0])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
