package org.helpdesktriage.cli;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.helpdesktriage.cli.report.BacktestHtml;
import org.helpdesktriage.core.TriageOutcome.TriageDecision;
import org.helpdesktriage.core.ingest.HistoryLayout;
import org.helpdesktriage.core.ingest.RecordReader;
import org.helpdesktriage.core.internal.evaluate.Backtest;
import org.helpdesktriage.core.internal.evaluate.BacktestChange;
import org.helpdesktriage.core.internal.evaluate.BacktestReport;
import org.helpdesktriage.core.internal.io.AtomicOutput;

/** What backtest writes: the changed records of --diff, and the report as text or JSON. */
final class BacktestOutput {

    private final PrintWriter out;

    BacktestOutput(PrintWriter out) {
        this.out = out;
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Runs {@code backtest} over {@code history}; with {@code diff}, writes each changed record
     * there (JSON Lines, atomically: the file appears whole when the run completes); hands each
     * changed record to {@code also} too.
     */
    static BacktestReport run(Backtest backtest, RecordReader history, HistoryLayout layout,
            Path diff, Consumer<BacktestChange> also) throws IOException {
        if (diff == null) {
            return backtest.run(history, layout, also);
        }
        try (AtomicOutput diffFile = AtomicOutput.create(diff);
                JsonGenerator changes = MAPPER.getFactory().createGenerator(diffFile.stream())) {
            changes.setRootValueSeparator(null);
            BacktestReport report = backtest.run(history, layout, c -> {
                write(changes, c);
                also.accept(c);
            });
            changes.flush();
            diffFile.commit();
            return report;
        }
    }

    private static void write(JsonGenerator g, BacktestChange c) {
        try {
            g.writeStartObject();
            if (c.position() != null) {
                g.writeStringField("source", c.position().source());
                g.writeNumberField("line", c.position().line());
                g.writeNumberField("record", c.position().record());
            }
            String id = c.after().ticketId() != null ? c.after().ticketId()
                    : c.before().ticketId();
            g.writeStringField("ticket_id", id);
            g.writeArrayFieldStart("changed");
            for (String f : c.changed()) {
                g.writeString(f);
            }
            g.writeEndArray();
            g.writeFieldName("before");
            decision(g, c.before());
            g.writeFieldName("after");
            decision(g, c.after());
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void decision(JsonGenerator g, TriageDecision d) throws IOException {
        g.writeStartObject();
        if (d.isRejected()) {
            g.writeStringField("rejected", d.rejection());
        } else {
            g.writeStringField("category", d.category());
            g.writeStringField("team", d.team());
            g.writeStringField("priority", d.priority());
            g.writeStringField("sla_policy", d.slaPolicy());
            g.writeStringField("rule", d.rule());
        }
        g.writeEndObject();
    }

    /** Collects the changed records an HTML report lists: the first ones, up to its limit. */
    static Consumer<BacktestChange> firstChanges(Path report, List<BacktestChange> into) {
        return c -> {
            if (report != null && into.size() < BacktestHtml.MAX_CHANGES) {
                into.add(c);
            }
        };
    }

    /** Writes the HTML report to {@code file}; nothing without one. */
    static void writeReport(Path file, BacktestReport r, List<BacktestChange> changes,
            String what) throws IOException {
        if (file != null) {
            BacktestHtml.of(r, changes, what).write(file);
        }
    }

    static ObjectNode json(BacktestReport r) {
        ObjectNode n = OpsJson.object();
        n.put("read", r.read());
        n.put("total", r.total());
        n.put("changed", r.changed());
        n.put("rejected_before", r.rejectedBefore());
        n.put("rejected_after", r.rejectedAfter());
        ObjectNode fields = n.putObject("changed_by_field");
        r.byField().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> fields.put(e.getKey(), e.getValue()));
        ObjectNode teams = n.putObject("teams");
        r.teams().forEach((from, to) -> {
            ObjectNode row = teams.putObject(from);
            to.forEach(row::put);
        });
        ObjectNode rules = n.putObject("rules");
        r.rules().forEach((id, fires) -> {
            ObjectNode rule = rules.putObject(id);
            rule.put("before", fires[0]);
            rule.put("after", fires[1]);
        });
        if (r.labelled() > 0) {
            n.put("labelled", r.labelled());
            n.put("accuracy_before", r.accuracyBefore());
            n.put("accuracy_after", r.accuracyAfter());
        }
        return n;
    }

    void print(BacktestReport r) {
        out.printf(Locale.ROOT, "read %d records: %d triaged under both; rejected %d before, "
                + "%d after%n", r.read(), r.total(), r.rejectedBefore(), r.rejectedAfter());
        out.printf(Locale.ROOT, "changed %d of %d (%.1f%%): category %d, team %d, priority %d,"
                + " sla_policy %d, rejected %d%n", r.changed(), r.read(),
                r.read() == 0 ? 0.0 : 100.0 * r.changed() / r.read(),
                r.byField().get("category"), r.byField().get("team"),
                r.byField().get("priority"), r.byField().get("sla_policy"),
                r.byField().get("rejected"));
        TreeSet<String> after = new TreeSet<>();
        r.teams().values().forEach(to -> after.addAll(to.keySet()));
        if (!after.isEmpty()) {
            out.println();
            out.println("teams (rows: before, columns: after)");
            List<String> header = new ArrayList<>(List.of("FROM"));
            header.addAll(after);
            Table table = new Table(header.toArray(String[]::new));
            r.teams().forEach((from, to) -> {
                List<String> row = new ArrayList<>(List.of(from));
                after.forEach(t -> row.add(String.valueOf(to.getOrDefault(t, 0L))));
                table.row(row.toArray());
            });
            table.print(out);
        }
        if (!r.rules().isEmpty()) {
            out.println();
            Table rules = new Table("RULE", "FIRED BEFORE", "FIRED AFTER");
            r.rules().forEach((id, fires) -> rules.row(id, fires[0], fires[1]));
            rules.print(out);
        }
        if (r.labelled() > 0) {
            out.println();
            out.printf(Locale.ROOT, "accuracy on %d labelled records: %.4f before, %.4f after%n",
                    r.labelled(), r.accuracyBefore(), r.accuracyAfter());
        }
    }
}
