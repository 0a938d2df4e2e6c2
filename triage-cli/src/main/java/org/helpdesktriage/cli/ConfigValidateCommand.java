package org.helpdesktriage.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.helpdesktriage.core.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Reports every problem of a configuration at once. */
@Command(name = "validate", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Checks a configuration and prints every problem it has, one a line, "
                + "each naming the file, the line and the key path: unknown keys, values of the "
                + "wrong type or out of range, invalid rules (in the file and in its rule "
                + "files), duplicate rule ids, references to categories, calendars or SLA "
                + "policies that do not exist, a model file that cannot be read.",
            "The environment's HELPDESK_* variables and --set are checked too, as every "
                + "command would apply them."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the configuration is valid", "1:an unexpected error",
            "2:the command line is wrong", "3:the configuration has problems (printed)"})
final class ConfigValidateCommand extends AbstractCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The configuration file to check. Default: --config, else "
                    + "./config.json if present, else the built-in defaults.")
    Path file;

    @Option(names = "--json", description = "Prints a JSON object: valid, and the problems.")
    boolean json;

    @Override
    void validate() {
        super.validate();
        if (file != null && configOptions.config != null && !file.equals(configOptions.config)) {
            throw usage("FILE and --config name different files; give one of them");
        }
    }

    @Override
    ExitCode execute() {
        Optional<Path> target = file != null ? Optional.of(file) : configOptions.file();
        List<String> problems = ConfigLoader.validate(target, environment().variables(),
                configOptions.overrides, ConfigOptions.OWNERS);
        String name = target.map(Path::toString).orElse("the built-in defaults");
        if (json) {
            ObjectNode n = OpsJson.object();
            n.put("file", name);
            n.put("valid", problems.isEmpty());
            problems.forEach(n.putArray("problems")::add);
            out().println(OpsJson.pretty(n));
        } else {
            problems.forEach(out()::println);
            tell("helpdesk-triage: " + name + (problems.isEmpty() ? " is valid"
                    : ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")));
        }
        return problems.isEmpty() ? ExitCode.OK : ExitCode.INPUT_OR_CONFIG;
    }
}
