package org.helpdesktriage.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.ingest.HistoryLayout;
import org.helpdesktriage.core.ingest.InputFormat;
import org.helpdesktriage.core.ingest.RecordReader;
import org.helpdesktriage.core.ingest.RecordReaders;
import org.helpdesktriage.core.internal.evaluate.Backtest;
import org.helpdesktriage.core.internal.evaluate.BacktestChange;
import org.helpdesktriage.core.internal.evaluate.BacktestReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    ReportOption report = new ReportOption();

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
        files.input("HISTORY", history).input("--baseline", baseline).output("--diff", diff)
                .output("--report", report.file);
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
                () -> ConfigLoader.load(baseFile, environment().variables(), Map.of(),
                        ConfigOptions.OWNERS));
        HistoryLayout layout = labelField == null && textField == null ? null
                : new HistoryLayout(textField, labelField);
        BacktestReport result;
        List<BacktestChange> changes = new ArrayList<>();
        try (RecordReader reader = RecordReaders.open(history, format, candidate.limits())) {
            result = BacktestOutput.run(Backtest.of(base, candidate, clock()), reader, layout,
                    diff, BacktestOutput.firstChanges(report.file, changes));
        }
        if (json) {
            out().println(OpsJson.pretty(BacktestOutput.json(result)));
        } else {
            new BacktestOutput(out()).print(result);
        }
        BacktestOutput.writeReport(report.file, result, changes, history + ": candidate "
                + configOptions.config + " against " + baseFile.map(Path::toString)
                        .orElse("the built-in defaults"));
        return ExitCode.OK;
    }
}
