package org.helpdesktriage.core.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.helpdesktriage.core.TriageResult;
import org.helpdesktriage.core.io.TicketJson;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.scoring.Score;
import org.helpdesktriage.core.sla.Sla;

/**
 * Streams triage results to an output in one of the {@link OutputFormat}s.
 *
 * <pre>{@code
 * try (ResultWriter writer = ResultWriter.open(out, OutputFormat.JSONL, false, false)) {
 *     writer.write(result);
 * }
 * }</pre>
 *
 * <p>JSON output is an array, or a single object when {@code singleObject} is set (the input was
 * one JSON object). CSV output has a header row and flattens each result: the thirteen ticket
 * fields (tags joined with commas, metadata as JSON), then the routing, the score and its
 * components, the notes, the SLA (policy, calendar, due times, met flags; empty without one)
 * and, with an explanation, the explanation as JSON. Closing the writer
 * finishes the document but does not close the stream.
 */
public abstract class ResultWriter implements Closeable {

    private static final JsonFactory JSON = new ObjectMapper().getFactory();

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

    /** Encodes results as JSON, one generator per thread. */
    private static final class Encoder {
        private static final ThreadLocal<Encoder> LOCAL = ThreadLocal.withInitial(Encoder::new);
        private final ByteArrayBuilder buffer = new ByteArrayBuilder(2048);
        private final JsonGenerator g;

        private Encoder() {
            try {
                g = JSON.createGenerator(buffer, JsonEncoding.UTF8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            g.setPrettyPrinter(new MinimalPrettyPrinter(""));
        }

        static Rendered encode(TriageResult result) {
            Encoder e = LOCAL.get();
            try {
                ResultJson.writeResult(e.g, result);
                e.g.flush();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            byte[] bytes = e.buffer.toByteArray();
            e.buffer.reset();
            return new Rendered(result, bytes);
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
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(format, "format");
        try {
            switch (format) {
                case JSON:
                    return new JsonWriter(out, singleObject);
                case JSONL:
                    return new JsonLinesWriter(out);
                case CSV:
                default:
                    return new CsvWriter(out, explain);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }

    /** A writer whose results are JSON encoded by {@link #render}, on any thread. */
    private abstract static class EncodedWriter extends ResultWriter {
        @Override
        public final void write(TriageResult result) {
            write(render(result));
        }

        @Override
        public final Rendered render(TriageResult result) {
            return Encoder.encode(Objects.requireNonNull(result, "result"));
        }
    }

    // an array holds one result per line, so large outputs stay readable with line tools
    private static final class JsonWriter extends EncodedWriter {
        private final OutputStream out;
        private final boolean singleObject;
        private int count;

        JsonWriter(OutputStream out, boolean singleObject) throws IOException {
            this.out = new BufferedOutputStream(new NonClosing(out), 1 << 16);
            this.singleObject = singleObject;
            if (!singleObject) {
                this.out.write('[');
            }
        }

        @Override
        public void write(Rendered rendered) {
            if (singleObject && count > 0) {
                throw new IllegalStateException("a single-object output holds one result");
            }
            try {
                if (!singleObject) {
                    out.write(count == 0 ? NEWLINE : COMMA_NEWLINE);
                }
                out.write(bytesOf(rendered));
                count++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            if (!singleObject) {
                out.write(count == 0 ? CLOSE : NEWLINE_CLOSE);
            }
            out.write('\n');
            out.close();
        }
    }

    private static final class JsonLinesWriter extends EncodedWriter {
        private final OutputStream out;

        JsonLinesWriter(OutputStream out) {
            this.out = new BufferedOutputStream(new NonClosing(out), 1 << 16);
        }

        @Override
        public void write(Rendered rendered) {
            try {
                out.write(bytesOf(rendered));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    private static final byte[] NEWLINE = {'\n'};
    private static final byte[] COMMA_NEWLINE = {',', '\n'};
    private static final byte[] CLOSE = {']'};
    private static final byte[] NEWLINE_CLOSE = {'\n', ']'};

    private static byte[] bytesOf(Rendered rendered) {
        return rendered.bytes != null ? rendered.bytes : Encoder.encode(rendered.result).bytes;
    }

    /** Flushes on close but leaves the caller's stream open, as the contract says. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    private static final class CsvWriter extends ResultWriter {
        private static final List<String> EXTRA = List.of("routing_assigned_to",
                "routing_priority", "routing_category", "routing_rule_matched",
                "routing_confidence", "score_total", "score_priority", "score_urgency", "notes",
                "sla_policy", "sla_calendar", "sla_first_response_due", "sla_resolution_due",
                "sla_first_response_met", "sla_resolution_met");
        private final CsvGenerator g;
        private final boolean explain;
        private final int columns;

        CsvWriter(OutputStream out, boolean explain) throws IOException {
            this.explain = explain;
            List<String> names = new ArrayList<>(Ticket.FIELDS);
            names.addAll(EXTRA);
            if (explain) {
                names.add("explanation");
            }
            this.columns = names.size();
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
            names.forEach(schema::addColumn);
            CsvMapper mapper = new CsvMapper();
            this.g = (CsvGenerator) mapper.getFactory().createGenerator(out, JsonEncoding.UTF8);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setSchema(schema.build());
        }

        @Override
        public void write(TriageResult r) {
            try {
                Ticket t = r.ticket();
                List<String> row = new ArrayList<>(columns);
                row.add(t.ticketId());
                row.add(t.title());
                row.add(t.description());
                row.add(t.requesterEmail());
                row.add(t.category());
                row.add(t.priority().id());
                row.add(t.status().id());
                row.add(t.createdAt().toString());
                row.add(t.updatedAt().toString());
                row.add(t.assignedTo() == null ? "" : t.assignedTo());
                row.add(String.join(",", t.tags()));
                row.add(json(gen -> TicketJson.writeValue(gen, t.metadata())));
                row.add(t.score() == null ? "" : String.valueOf(ResultJson.round(t.score())));
                row.add(r.routing().assignedTo());
                row.add(r.routing().priority().id());
                row.add(r.routing().category());
                row.add(r.routing().ruleMatched() == null ? "" : r.routing().ruleMatched());
                row.add(String.valueOf(r.routing().confidence()));
                row.add(String.valueOf(ResultJson.round(r.score().total())));
                for (Score.Component c : r.score().components()) {
                    row.add(String.valueOf(ResultJson.round(c.value())));
                }
                row.add(String.join("; ", r.notes()));
                Sla sla = r.sla();
                row.add(sla == null ? "" : sla.policy());
                row.add(sla == null ? "" : sla.calendar());
                row.add(sla == null || sla.firstResponseDue() == null ? ""
                        : sla.firstResponseDue().toString());
                row.add(sla == null || sla.resolutionDue() == null ? ""
                        : sla.resolutionDue().toString());
                row.add(sla == null || sla.firstResponseMet() == null ? ""
                        : sla.firstResponseMet().toString());
                row.add(sla == null || sla.resolutionMet() == null ? ""
                        : sla.resolutionMet().toString());
                if (explain) {
                    row.add(json(gen -> ResultJson.writeExplanation(gen, r.explanation())));
                }
                g.writeStartArray();
                for (String cell : row) {
                    g.writeString(cell);
                }
                g.writeEndArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            g.close();
        }
    }

    /** Something that writes JSON to a generator. */
    @FunctionalInterface
    interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    static String json(JsonBody body) throws IOException {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(sw)) {
            body.write(g);
        }
        return sw.toString();
    }
}
