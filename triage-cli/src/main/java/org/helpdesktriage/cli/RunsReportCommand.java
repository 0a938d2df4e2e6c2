package org.helpdesktriage.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.helpdesktriage.cli.report.RunsHtml;
import org.helpdesktriage.store.DeadLetter;
import org.helpdesktriage.store.RunRecord;
import org.helpdesktriage.store.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Writes the report of the run records and dead letters as one HTML page. */
@Command(name = "report", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Writes an HTML report of the batch runs: records read, triaged and "
                + "rejected and the duration of each run over time, the waiting rejects by the "
                + "field in error, and the dead letters waiting; one self-contained file, "
                + "written atomically. See docs/operations.md.",
            "A store with no run records gives a report that says so."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:an unexpected error", "2:the command line is wrong",
            "6:a run record or dead letter cannot be read (it is named)"})
final class RunsReportCommand extends DataDirCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The HTML file to write.")
    Path file;

    @Override
    void files(CommandFiles files) {
        super.files(files);
        files.output("FILE", file);
    }

    @Override
    ExitCode execute() throws IOException {
        List<RunRecord> runs;
        List<DeadLetter> letters;
        String where;
        try (Storage data = openForReading()) {
            runs = data.runs().list();
            letters = data.deadLetters().list();
            where = data.describe();
        }
        RunsHtml.of(runs, letters, clock().instant(), where).write(file);
        tell("helpdesk-triage: wrote the report of " + runs.size() + " run(s) and "
                + letters.size() + " dead letter(s) to " + file);
        return ExitCode.OK;
    }
}
