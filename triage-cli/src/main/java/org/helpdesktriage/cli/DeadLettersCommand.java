package org.helpdesktriage.cli;

import java.util.List;
import org.helpdesktriage.store.DeadLetter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The dead letters of the data directory: records that failed, kept for a retry. */
@Command(name = "dead-letters", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Lists the records that failed and are kept, with the reason, retries "
                + "and discards them.",
        subcommands = {DeadLettersCommand.ListDeadLetters.class, DeadLettersRetryCommand.class,
            DeadLettersDiscardCommand.class})
final class DeadLettersCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing a subcommand: list, retry or discard");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, showDefaultValues = true,
            description = {"Lists the dead letters, oldest first, each reason whole (wrapped in "
                + "its column).",
                "Exit code 6 when a dead-letter file cannot be read (it is named)."})
    static final class ListDeadLetters extends DataDirCommand {

        @Option(names = "--json", description = "Prints a JSON array (with each record's "
                + "fields) instead of a table.")
        boolean json;

        @Override
        ExitCode execute() {
            List<DeadLetter> letters;
            try (var data = openForReading()) {
                letters = data.deadLetters().list();
            }
            if (json) {
                out().println(OpsJson.pretty(OpsJson.array(letters, OpsJson::deadLetter)));
                return ExitCode.OK;
            }
            Table table = new Table("ID", "TIME", "ATTEMPTS", "RUN_ID", "SOURCE", "REASON")
                    .wrapLast();
            letters.forEach(d -> table.row(d.id(), d.time(), d.attempts(), d.runId(),
                    d.source(), d.reason()));
            table.print(out());
            return ExitCode.OK;
        }
    }
}
