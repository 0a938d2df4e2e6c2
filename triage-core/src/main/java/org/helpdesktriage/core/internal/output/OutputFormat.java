package org.helpdesktriage.core.internal.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;

/** The formats triage results can be written in. */
public enum OutputFormat {
    /** A JSON array of results, or one result object when the input was one object. */
    JSON {
        @Override
        ResultWriter open(OutputStream out, boolean singleObject, boolean explain,
                boolean shadow) throws IOException {
            return new JsonResultWriter(out, singleObject);
        }
    },
    /** One result object per line. */
    JSONL {
        @Override
        ResultWriter open(OutputStream out, boolean singleObject, boolean explain,
                boolean shadow) {
            return new JsonLinesResultWriter(out);
        }
    },
    /** One row per result, the result flattened into columns. */
    CSV {
        @Override
        ResultWriter open(OutputStream out, boolean singleObject, boolean explain,
                boolean shadow) {
            return new CsvResultWriter(out, explain, shadow);
        }
    };

    /** Opens this format's writer; each format names its own class, so none is a fallback. */
    abstract ResultWriter open(OutputStream out, boolean singleObject, boolean explain,
            boolean shadow) throws IOException;

    /** Returns the lower-case name used on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the format named by {@code value} (ndjson is jsonl).
     *
     * @throws IllegalArgumentException naming the known formats when {@code value} is none
     */
    public static OutputFormat of(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("'" + value
                + "' is not an output format; use json, jsonl (or ndjson) or csv"));
    }

    /** Returns the format named by {@code value} (ndjson is jsonl), or empty. */
    public static Optional<OutputFormat> parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "json":
                return Optional.of(JSON);
            case "jsonl":
            case "ndjson":
                return Optional.of(JSONL);
            case "csv":
                return Optional.of(CSV);
            default:
                return Optional.empty();
        }
    }

    /** Returns the format a file name's extension implies, or empty. */
    public static Optional<OutputFormat> fromFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : parse(fileName.substring(dot + 1));
    }
}
