package org.helpdesktriage.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints the shell completion script that picocli's AutoComplete makes from the commands. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a completion script for bash and zsh: every command, option and "
                + "enum value of helpdesk-triage.",
            "  bash:  source <(helpdesk-triage completion)",
            "  zsh:   autoload -U +X bashcompinit && bashcompinit && "
                + "source <(helpdesk-triage completion)",
            "Or save it once: helpdesk-triage completion > /etc/bash_completion.d/helpdesk-triage"})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash(spec.root().name(),
                spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
