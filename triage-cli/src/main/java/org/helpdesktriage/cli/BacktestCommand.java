package org.helpdesktriage.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.helpdesktriage.core.TriageDecision;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.ingest.HistoryLayout;
import org.helpdesktriage.core.ingest.InputFormat;
import org.helpdesktriage.core.ingest.RecordReader;
import org.helpdesktriage.core.ingest.RecordReaders;
import org.helpdesktriage.core.internal.evaluate.Backtest;
import org.helpdesktriage.core.internal.evaluate.BacktestChange;
import org.helpdesktriage.core.internal.evaluate.BacktestReport;
import org.helpdesktriage.core.internal.io.AtomicOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Shows what a configuration change would do to past tickets, before it goes live. */
@Command(name = "backtest", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Triages HISTORY under the candidate configuration (--config) and the "
                + "baseline (--baseline) in one pass, storing nothing, and reports what the "
                + "change would do: records whose category, team, priority or SLA policy "
                + "changes, teams from and to, each rule's fire count under both, and with "
                + "--label-field the accuracy of both.",
            "--diff writes each changed record with both decisions and the rule behind each. "
                + "Give --now to make two runs give the same report. See "
                + "docs/changing-rules.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the report was written", "1:an unexpected error",
            "2:the command line is wrong",
            "3:HISTORY cannot be read, or a configuration does not load (the message says "
                + "which)"})
final class BacktestCommand extends AbstractCommand {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "HISTORY",
            description = "Past tickets, in any input format.")
    Path history;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "The configuration the candidate is compared with. Default: "
                    + "./config.json if present, else the built-in defaults.")
    Path baseline;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "The input format: ${COMPLETION-CANDIDATES}. Default: from the file.")
    InputFormat format;

    @Option(names = "--label-field", paramLabel = "FIELD",
            description = "A field holding each record's true category: the report then gives "
                    + "the accuracy of both configurations.")
    String labelField;

    @Option(names = "--text-field", paramLabel = "FIELD",
            description = "A field holding the whole text of a record without title and "
                    + "description: its first words become the title, the rest the "
                    + "description.")
    String textField;

    @Option(names = "--diff", paramLabel = "FILE",
            description = "Writes every changed record (JSON Lines, atomically): where it is, "
                    + "what changed, and both decisions with the rule behind each.")
    Path diff;

    @Option(names = "--json", description = "Prints the report as JSON.")
    boolean json;

    @Override
    void validate() {
        super.validate();
        if (configOptions.config == null) {
            throw usage("backtest needs the candidate configuration: give --config FILE");
        }
    }

    @Override
    void files(CommandFiles files) {
        super.files(files);
        files.input("HISTORY", history).input("--baseline", baseline).output("--diff", diff);
    }

    @Override
    ExitCode execute() throws IOException {
        TriageConfig candidate = loadAs("the candidate configuration (--config "
                + configOptions.config + ")", () -> config());
        Optional<Path> baseFile = Optional.ofNullable(baseline)
                .or(() -> Files.isRegularFile(Path.of("config.json"))
                        ? Optional.of(Path.of("config.json")) : Optional.empty());
        TriageConfig base = loadAs("the baseline configuration ("
                + baseFile.map(f -> "--baseline " + f).orElse("the built-in defaults") + ")",
                () -> ConfigLoader.load(baseFile, environment().variables(), Map.of()));
        HistoryLayout layout = labelField == null && textField == null ? null
                : new HistoryLayout(textField, labelField);
        BacktestReport report;
        try (RecordReader reader = RecordReaders.open(history, format, candidate.limits());
                AtomicOutput diffFile = diff == null ? null : AtomicOutput.create(diff);
                JsonGenerator changes = diffFile == null ? null
                        : MAPPER.getFactory().createGenerator(diffFile.stream())) {
            if (changes != null) {
                changes.setRootValueSeparator(null);
            }
            report = Backtest.of(base, candidate, clock()).run(reader, layout, change -> {
                if (changes != null) {
                    write(changes, change);
                }
            });
            if (changes != null) {
                changes.flush();
                diffFile.commit();
            }
        }
        if (json) {
            out().println(OpsJson.pretty(json(report)));
        } else {
            print(report);
        }
        return ExitCode.OK;
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

    private static ObjectNode json(BacktestReport r) {
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

    private void print(BacktestReport r) {
        out().printf(Locale.ROOT, "read %d records: %d triaged under both; rejected %d before, "
                + "%d after%n", r.read(), r.total(), r.rejectedBefore(), r.rejectedAfter());
        out().printf(Locale.ROOT, "changed %d of %d (%.1f%%): category %d, team %d, priority %d,"
                + " sla_policy %d, rejected %d%n", r.changed(), r.read(),
                r.read() == 0 ? 0.0 : 100.0 * r.changed() / r.read(),
                r.byField().get("category"), r.byField().get("team"),
                r.byField().get("priority"), r.byField().get("sla_policy"),
                r.byField().get("rejected"));
        TreeSet<String> after = new TreeSet<>();
        r.teams().values().forEach(to -> after.addAll(to.keySet()));
        if (!after.isEmpty()) {
            out().println();
            out().println("teams (rows: before, columns: after)");
            List<String> header = new ArrayList<>(List.of("FROM"));
            header.addAll(after);
            Table table = new Table(header.toArray(String[]::new));
            r.teams().forEach((from, to) -> {
                List<String> row = new ArrayList<>(List.of(from));
                after.forEach(t -> row.add(String.valueOf(to.getOrDefault(t, 0L))));
                table.row(row.toArray());
            });
            table.print(out());
        }
        if (!r.rules().isEmpty()) {
            out().println();
            Table rules = new Table("RULE", "FIRED BEFORE", "FIRED AFTER");
            r.rules().forEach((id, fires) -> rules.row(id, fires[0], fires[1]));
            rules.print(out());
        }
        if (r.labelled() > 0) {
            out().println();
            out().printf(Locale.ROOT, "accuracy on %d labelled records: %.4f before, %.4f after%n",
                    r.labelled(), r.accuracyBefore(), r.accuracyAfter());
        }
    }
}
