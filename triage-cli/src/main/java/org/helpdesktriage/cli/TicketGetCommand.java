package org.helpdesktriage.cli;

import org.helpdesktriage.core.internal.io.TicketJson;
import org.helpdesktriage.store.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Prints one ticket of the store as JSON. */
@Command(name = "get", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Prints one ticket as JSON.",
            "Exit code 1 when there is no such ticket, 6 when its file cannot be read."})
final class TicketGetCommand extends DataDirCommand {

    @Parameters(paramLabel = "ID", description = "The ticket's id, exactly as stored.")
    String id;

    @Override
    ExitCode execute() {
        try (Storage data = openForReading()) {
            var ticket = data.tickets().get(id);
            if (ticket.isEmpty()) {
                err().println("error: no ticket '" + id + "' in " + data.describe());
                return ExitCode.ERROR;
            }
            out().println(TicketJson.toPrettyJson(ticket.get()));
            return ExitCode.OK;
        }
    }
}
