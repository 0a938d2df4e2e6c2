package org.helpdesktriage.core.ingest;

import java.util.Locale;
import java.util.Optional;

/** The input formats the readers understand. */
public enum InputFormat {
    /** One JSON object, or a JSON array of objects. */
    JSON,
    /** One JSON object per line (JSON Lines, NDJSON). */
    JSONL,
    /** CSV with a header row. */
    CSV,
    /** {@code key: value} lines, tickets separated by a blank line. */
    TEXT;

    /** Returns the lower-case name used on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the format named by {@code value} (case-insensitive; ndjson is jsonl), or empty. */
    public static Optional<InputFormat> parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "json":
                return Optional.of(JSON);
            case "jsonl":
            case "ndjson":
                return Optional.of(JSONL);
            case "csv":
                return Optional.of(CSV);
            case "txt":
            case "text":
                return Optional.of(TEXT);
            default:
                return Optional.empty();
        }
    }

    /** Returns the format a file name's extension implies, or empty. */
    public static Optional<InputFormat> fromFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : parse(fileName.substring(dot + 1));
    }
}
