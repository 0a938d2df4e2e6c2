package org.helpdesktriage.cli;

import picocli.CommandLine.Command;

/** Groups the dead-letter commands: rejected records kept across runs. */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = "Lists and retries rejected records kept in the data directory.",
        subcommands = {DeadLettersRetryCommand.class})
final class DeadLettersCommand {
}
