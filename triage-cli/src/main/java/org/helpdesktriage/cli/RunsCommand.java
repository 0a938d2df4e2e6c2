package org.helpdesktriage.cli;

import java.util.List;
import java.util.Optional;
import org.helpdesktriage.store.RunRecord;
import org.helpdesktriage.store.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The run records of the data directory: one summary per batch run. */
@Command(name = "runs", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Lists and shows the records of batch runs kept in the data directory.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.ShowRun.class,
            RunsReportCommand.class})
final class RunsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing a subcommand: list, show or report");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, showDefaultValues = true,
            description = {"Lists the run records, newest first.",
                "Exit code 6 when a run record cannot be read (it is named)."})
    static final class ListRuns extends DataDirCommand {

        @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
                description = "Lists only the N most recent runs; 0 lists all of them.")
        int limit;

        @Option(names = "--json", description = "Prints a JSON array instead of a table.")
        boolean json;

        @Override
        void validate() {
            super.validate();
            requireAtLeast("--limit", limit, 0);
        }

        @Override
        ExitCode execute() {
            List<RunRecord> runs;
            try (var data = openForReading()) {
                runs = data.runs().list();
            }
            if (limit > 0) {
                runs = runs.subList(0, Math.min(limit, runs.size()));
            }
            printList(runs, json, OpsJson::run, new Table("RUN_ID", "STARTED_AT",
                    "DURATION_MS", "EXIT_CODE", "COMMAND", "COUNTS"),
                    r -> new Object[] {r.runId(), r.startedAt(), r.duration().toMillis(),
                        r.exitCode(), r.command(), r.counts().toString().replaceAll("[{}]", "")});
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, showDefaultValues = true,
            description = {"Prints one run record as JSON.",
                "Exit code 1 when there is no such run, 6 when its record cannot be read."})
    static final class ShowRun extends DataDirCommand {

        @Parameters(paramLabel = "ID", description = "The run's id.")
        String id;

        @Override
        ExitCode execute() {
            Optional<RunRecord> run;
            String where;
            try (Storage data = openForReading()) {
                run = data.runs().get(id);
                where = data.describe();
            }
            if (run.isEmpty()) {
                err().println("error: no run '" + id + "' in " + where);
                return ExitCode.ERROR;
            }
            out().println(OpsJson.pretty(OpsJson.run(run.get())));
            return ExitCode.OK;
        }
    }
}
