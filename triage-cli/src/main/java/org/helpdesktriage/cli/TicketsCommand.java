package org.helpdesktriage.cli;

import java.util.List;
import org.helpdesktriage.core.internal.io.TicketJson;
import org.helpdesktriage.core.model.Ticket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The tickets of the data directory: list, get, search, count, update, delete. */
@Command(name = "tickets", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Lists, shows, searches, counts, updates and deletes the tickets of the "
                + "data directory.",
        subcommands = {TicketListCommand.class, TicketGetCommand.class,
            TicketSearchCommand.class, TicketCountCommand.class,
            TicketUpdateCommand.class, TicketDeleteCommand.class})
final class TicketsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing a subcommand: list, get, search, count, update or delete");
    }

    /** Prints tickets as a table or a JSON array. */
    static void print(DataDirCommand command, List<Ticket> tickets, boolean json) {
        command.printList(tickets, json, TicketJson::toTree, new Table("TICKET_ID", "STATUS",
                "PRIORITY", "CATEGORY", "ASSIGNED_TO", "UPDATED_AT", "TITLE"),
                t -> new Object[] {t.ticketId(), t.status().id(), t.priority().id(),
                    t.category(), t.assignedTo(), t.updatedAt(), t.title()});
    }
}
