package org.helpdesktriage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Possible duplicates: tickets that report the same problem as an earlier one. */
@Command(name = "duplicates", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Finds tickets that may report the same problem as earlier ones, and "
                + "measures how well it does on known duplicate links (docs/duplicates.md)."},
        subcommands = {DuplicatesEvaluateCommand.class})
final class DuplicatesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing a subcommand: evaluate");
    }
}
