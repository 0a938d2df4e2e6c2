package org.helpdesktriage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The configuration itself: check it, show it with where each value came from, its schema. */
@Command(name = "config", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Checks the configuration, shows it as the commands see it, and prints "
                + "its JSON Schema (docs/configuration.md)."},
        subcommands = {ConfigValidateCommand.class, ConfigShowCommand.class,
            ConfigSchemaCommand.class})
final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing a subcommand: validate, show or schema");
    }
}
