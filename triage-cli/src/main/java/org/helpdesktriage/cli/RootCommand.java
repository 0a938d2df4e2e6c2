package org.helpdesktriage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The root command: holds the subcommands, the version and the exit-code list. */
@Command(name = "helpdesk-triage",
        mixinStandardHelpOptions = true,
        description = {"Triages helpdesk tickets: parses, normalises, validates, routes by rules "
                + "and scores them.",
            "",
            "  helpdesk-triage INPUT [OUTPUT]     is short for     helpdesk-triage triage INPUT "
                + "[OUTPUT]"},
        subcommands = {TriageCommand.class, EscalateCommand.class, AssignCommand.class,
            AgentsCommand.class, SlaCommand.class, DuplicatesCommand.class,
            CleanupCommand.class,
            EvaluateCommand.class, TrainCommand.class,
            TicketsCommand.class, AuditCommand.class, BackupCommand.class, RestoreCommand.class,
            HealthCommand.class, RunsCommand.class, DeadLettersCommand.class,
            WithLockCommand.class, ConfigCommand.class, LintCommand.class, BacktestCommand.class,
            CompletionCommand.class,
            MigrateCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every record triaged, or the command succeeded",
            "1:an unexpected error",
            "2:the command line is wrong",
            "3:the input cannot be read or the configuration is invalid",
            "4:some records were rejected; the rest were written",
            "5:another process holds the data directory's lock",
            "6:the data directory has a problem (corrupt file, failed check, refused archive)",
            "7:a disk is full (no space left on device); a rerun after freeing space completes",
            "130:stopped by SIGINT at a chunk boundary (run record: interrupted)",
            "143:stopped by SIGTERM at a chunk boundary (run record: interrupted)"},
        footer = {"", "Documentation: docs/cli.md, docs/configuration.md, docs/rules.md"})
public final class RootCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "missing INPUT or a command");
    }
}
