package org.helpdesktriage.core.internal.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.helpdesktriage.core.TriageResult;

/**
 * Streams triage results to an output in one of the {@link OutputFormat}s; each format is a
 * writer class of its own, as PMD's renderers are.
 *
 * <pre>{@code
 * try (ResultWriter writer = ResultWriter.open(out, OutputFormat.JSONL, false, false)) {
 *     writer.write(result);
 * }
 * }</pre>
 *
 * <p>JSON output is an array, or a single object when {@code singleObject} is set (the input was
 * one JSON object). CSV output has a header row and flattens each result: the thirteen ticket
 * fields (tags joined with commas, metadata as JSON), the routing, the score's total and one
 * {@code score_<name>} column per component, the SLA (policy, calendar, due times, met flags;
 * empty without one), with a shadow configuration its decision ({@code shadow_*}), the notes and, with an explanation, the explanation as JSON. Header and
 * cells come from one column list, so they never shift against each other; a cell a spreadsheet
 * would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return
 * first) gets a leading {@code '}, as OWASP recommends.
 * Every format writes the members a result has in the order of one list; a new member of results
 * is added there, once, for every format. Closing the writer finishes the document but does not
 * close the stream.
 */
public abstract class ResultWriter implements Closeable {

    /** Only the format classes of this package extend it. */
    ResultWriter() {
    }

    /** Writes one result. */
    public abstract void write(TriageResult result);

    /**
     * Returns a result encoded for {@link #write(Rendered)}. Safe to call from any thread, so
     * that results can be encoded in parallel and written in order by one thread; JSON and JSON
     * Lines results are encoded here, other formats when written.
     */
    public Rendered render(TriageResult result) {
        return new Rendered(Objects.requireNonNull(result, "result"), null);
    }

    /** Writes a result from {@link #render}, exactly as {@link #write(TriageResult)} would. */
    public void write(Rendered rendered) {
        write(rendered.result);
    }

    /** One result, encoded or not yet, from {@link #render}. */
    public static final class Rendered {
        final TriageResult result;
        final byte[] bytes;

        Rendered(TriageResult result, byte[] bytes) {
            this.result = result;
            this.bytes = bytes;
        }
    }

    /**
     * Opens a writer on {@code out}.
     *
     * @param out the stream, left open on close
     * @param format the format
     * @param singleObject for JSON, write the one result as an object instead of an array
     * @param explain for CSV, add the explanation column
     * @return the writer
     */
    public static ResultWriter open(OutputStream out, OutputFormat format, boolean singleObject,
            boolean explain) {
        return open(out, format, singleObject, explain, false);
    }

    /**
     * Opens a writer on {@code out}; JSON results carry their {@code shadow} member whenever
     * they have one, whatever {@code shadow} says.
     *
     * @param out the stream, left open on close
     * @param format the format
     * @param singleObject for JSON, write the one result as an object instead of an array
     * @param explain for CSV, add the explanation column
     * @param shadow for CSV, add the {@code shadow_*} columns of a shadow configuration's
     *     decision (empty cells for a result without one)
     * @return the writer
     */
    public static ResultWriter open(OutputStream out, OutputFormat format, boolean singleObject,
            boolean explain, boolean shadow) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(format, "format");
        try {
            return format.open(out, singleObject, explain, shadow);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
