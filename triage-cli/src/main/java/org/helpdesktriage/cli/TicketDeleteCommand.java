package org.helpdesktriage.cli;

import org.helpdesktriage.store.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Deletes one ticket under the data directory lock and records it in the audit log. */
@Command(name = "delete", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Deletes one ticket and records a 'delete' entry in the audit log.",
            "Takes the data directory lock (see --wait). A ticket file that cannot be read is "
                + "deleted too, so that an operator can remove it.",
            "Exit code 1 when there is no such ticket, 5 when another process holds the lock."})
final class TicketDeleteCommand extends DataDirCommand {

    static final String ACTOR = "helpdesk-triage";

    @Parameters(paramLabel = "ID", description = "The ticket's id, exactly as stored.")
    String id;

    @Override
    ExitCode execute() {
        try (Storage data = openForWriting("tickets delete", false)) {
            if (!data.deleteTicket(id, ACTOR, clock().instant())) {
                err().println("error: no ticket '" + id + "' in " + data.describe());
                return ExitCode.ERROR;
            }
            say("deleted ticket '" + id + "' from " + data.describe());
            return ExitCode.OK;
        }
    }
}
