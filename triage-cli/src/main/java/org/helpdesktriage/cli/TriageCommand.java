package org.helpdesktriage.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.helpdesktriage.core.BatchSummary;
import org.helpdesktriage.core.BatchTriage;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.TriageOutcome;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.ingest.InputFormat;
import org.helpdesktriage.core.ingest.RecordReader;
import org.helpdesktriage.core.ingest.RecordReaders;
import org.helpdesktriage.core.io.AtomicOutput;
import org.helpdesktriage.core.io.OutputFormat;
import org.helpdesktriage.core.io.RejectWriter;
import org.helpdesktriage.core.io.ResultWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Triages an input file into an output file, rejects into a rejects file. */
@Command(name = "triage", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Triages the tickets of INPUT and writes the results to OUTPUT.",
            "Records that fail to parse or validate go to the rejects file with their line and "
                + "every field error; the batch goes on. A one-line summary goes to stderr."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every record triaged",
            "1:an unexpected error",
            "2:the command line is wrong",
            "3:the input cannot be read or the configuration is invalid",
            "4:some records were rejected; the rest were written (0 with --no-fail-on-reject)"})
final class TriageCommand extends AbstractCommand {

    @Parameters(index = "0", paramLabel = "INPUT",
            description = "The ticket file: JSON object or array, JSON Lines, CSV with a header "
                    + "row, or text blocks; - for standard input.")
    String input;

    @Parameters(index = "1", paramLabel = "OUTPUT", arity = "0..1", defaultValue = "-",
            description = "The result file, written atomically; - for standard output.")
    String output;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "The input format: ${COMPLETION-CANDIDATES}. Default: from INPUT's "
                    + "extension, else from its content.")
    InputFormat format;

    @Option(names = "--output-format", paramLabel = "FORMAT",
            description = "The output format: ${COMPLETION-CANDIDATES}. Default: from OUTPUT's "
                    + "extension, else json.")
    OutputFormat outputFormat;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "The rejects file (JSON Lines). Default: OUTPUT.rejects.jsonl, or "
                    + "standard error when OUTPUT is standard output.")
    Path rejects;

    @Option(names = "--explain",
            description = "Adds to each result every rule evaluated, and why each did or did "
                    + "not match.")
    boolean explain;

    @Option(names = "--no-fail-on-reject",
            description = "Exits 0 instead of 4 when some records were rejected.")
    boolean noFailOnReject;

    @Option(names = "--parallelism", paramLabel = "N",
            description = "Worker threads; the output keeps input order whatever the number.")
    int parallelism = Runtime.getRuntime().availableProcessors();

    @Override
    ExitCode execute() throws IOException {
        if (parallelism < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--parallelism must be at least 1, got " + parallelism);
        }
        TriageConfig config = config();
        TriageEngine engine = TriageEngine.builder().config(config).explain(explain).build();
        boolean toStdout = output.equals("-");
        OutputFormat outFormat = Optional.ofNullable(outputFormat)
                .or(() -> toStdout ? Optional.empty() : OutputFormat.fromFileName(output))
                .orElse(OutputFormat.JSON);
        Path rejectsPath = rejects != null ? rejects
                : toStdout ? null : Path.of(output + ".rejects.jsonl");

        BatchSummary summary;
        try (RecordReader reader = openInput();
                AtomicOutput outFile = toStdout ? null : AtomicOutput.create(Path.of(output));
                AtomicOutput rejectFile = rejectsPath == null ? null
                        : AtomicOutput.create(rejectsPath)) {
            OutputStream out = outFile == null ? new StdoutStream(out()) : outFile.stream();
            OutputStream rej = rejectFile == null ? new StdoutStream(err()) : rejectFile.stream();
            try (ResultWriter results = ResultWriter.open(out, outFormat,
                    reader.singleObject(), explain);
                    RejectWriter rejectWriter = new RejectWriter(rej)) {
                // results are encoded on the worker threads; the main thread only writes bytes
                summary = BatchTriage.run(engine, reader,
                        outcome -> outcome instanceof TriageOutcome.Triaged t
                                ? results.render(t.result()) : null,
                        (outcome, rendered) -> {
                            if (rendered != null) {
                                results.write(rendered);
                            } else {
                                rejectWriter.write(((TriageOutcome.Rejected) outcome).rejection());
                            }
                        }, parallelism);
            }
            out.flush();
            rej.flush();
            if (rejectFile != null) {
                rejectFile.commit();
            }
            if (outFile != null) {
                outFile.commit();
            }
        }
        err().println("helpdesk-triage: " + summary
                + (summary.rejected() > 0 && rejectsPath != null
                        ? " (rejects in " + rejectsPath + ")" : ""));
        return summary.rejected() > 0 && !noFailOnReject ? ExitCode.REJECTED : ExitCode.OK;
    }

    private RecordReader openInput() throws IOException {
        if (input.equals("-")) {
            return RecordReaders.open(environment().in(), format, "<stdin>");
        }
        return RecordReaders.open(Path.of(input), format);
    }
}
