package org.helpdesktriage.cli;

import org.helpdesktriage.core.config.ConfigLoader;
import picocli.CommandLine.Command;

/** Prints the JSON Schema of config.json. */
@Command(name = "schema", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Prints the JSON Schema (draft 2020-12) of config.json and of rule files:"
                + " the same as config.schema.json in the repository. Point an editor at it "
                + "with \"$schema\" to complete and check a configuration as you type."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the schema was printed", "1:an unexpected error",
            "2:the command line is wrong"})
final class ConfigSchemaCommand extends AbstractCommand {

    @Override
    ExitCode execute() {
        out().print(ConfigLoader.schema());
        return ExitCode.OK;
    }
}
