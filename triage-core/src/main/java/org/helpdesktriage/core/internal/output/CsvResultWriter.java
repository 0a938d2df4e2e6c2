package org.helpdesktriage.core.internal.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.helpdesktriage.core.TriageResult;
import org.helpdesktriage.core.scoring.Score;

/**
 * Writes {@link OutputFormat#CSV}: a header row, then one row per result, both from the column
 * list of {@link ResultFields#csvColumns}. The score's components are named columns; their
 * names come from the first result (a scorer gives every ticket the same components), and an
 * output with no result names the stock scorer's, {@code priority} and {@code urgency}.
 */
final class CsvResultWriter extends ResultWriter {

    /** The components of the stock scorer, for the header of an output with no result. */
    static final List<String> STOCK_COMPONENTS = List.of("priority", "urgency");

    private static final CsvMapper MAPPER = new CsvMapper();

    private final OutputStream out;
    private final boolean explain;
    private final boolean shadow;
    private CsvGenerator g;
    private List<String> components;
    private List<CsvColumn> columns;

    CsvResultWriter(OutputStream out, boolean explain, boolean shadow) {
        this.out = out;
        this.explain = explain;
        this.shadow = shadow;
    }

    @Override
    public void write(TriageResult r) {
        List<String> names = r.score().components().stream().map(Score.Component::name).toList();
        try {
            if (g == null) {
                // a run's results all have an assignment or none: the configuration decides
                start(names, r.routing().assignment() != null);
            } else if (!names.equals(components)) {
                throw new IllegalStateException("ticket '" + r.ticket().ticketId()
                        + "' has score components " + names + ", but the CSV header has "
                        + components + " (from the first result); a scorer must give every "
                        + "ticket the same components");
            }
            g.writeStartArray();
            for (CsvColumn c : columns) {
                g.writeString(CsvCells.neutralize(c.value().of(r)));
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void start(List<String> scoreComponents, boolean assignment) throws IOException {
        components = scoreComponents;
        columns = ResultFields.csvColumns(new CsvLayout(scoreComponents, explain, shadow,
                assignment));
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(c -> schema.addColumn(c.name()));
        g = (CsvGenerator) MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setSchema(schema.build());
    }

    @Override
    public void close() throws IOException {
        if (g == null) {
            // the generator writes the header with the first row; with none, it is written
            // here alone (column names are plain words, which CSV never quotes)
            List<String> names = ResultFields.csvColumns(new CsvLayout(STOCK_COMPONENTS, explain, shadow,
                    false))
                    .stream().map(CsvColumn::name).toList();
            out.write((String.join(",", names) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return;
        }
        g.close();
    }
}
