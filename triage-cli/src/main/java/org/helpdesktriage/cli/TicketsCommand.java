package org.helpdesktriage.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.internal.io.TicketJson;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.core.store.TicketCriteria;
import org.helpdesktriage.store.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The tickets of the data directory: list, get, search, count, delete. */
@Command(name = "tickets", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Lists, shows, searches, counts and deletes the tickets of the data "
                + "directory.",
        subcommands = {TicketsCommand.ListTickets.class, TicketsCommand.GetTicket.class,
            TicketsCommand.SearchTickets.class, TicketsCommand.CountTickets.class,
            TicketDeleteCommand.class})
final class TicketsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing a subcommand: list, get, search, count or delete");
    }

    /** Prints tickets as a table or a JSON array. */
    static void print(DataDirCommand command, List<Ticket> tickets, boolean json) {
        command.printList(tickets, json, TicketJson::toTree, new Table("TICKET_ID", "STATUS",
                "PRIORITY", "CATEGORY", "ASSIGNED_TO", "UPDATED_AT", "TITLE"),
                t -> new Object[] {t.ticketId(), t.status().id(), t.priority().id(),
                    t.category(), t.assignedTo(), t.updatedAt(), t.title()});
    }

    @Command(name = "list", mixinStandardHelpOptions = true, showDefaultValues = true,
            description = {"Lists the tickets in id order.",
                "Ticket files that cannot be read are named on stderr and the exit code is 6; "
                    + "the readable tickets are still listed."})
    static final class ListTickets extends DataDirCommand {

        @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
                description = "Lists at most this many tickets (the first in id order); 0 lists "
                        + "all of them.")
        int limit;

        @Option(names = "--json", description = "Prints a JSON array instead of a table.")
        boolean json;

        @Override
        void validate() {
            super.validate();
            requireAtLeast("--limit", limit, 0);
        }

        @Override
        ExitCode execute() {
            StoreScan scan;
            try (var data = openForReading()) {
                scan = data.tickets().scan();
            }
            List<Ticket> tickets = limit == 0 ? scan.tickets()
                    : scan.tickets().subList(0, Math.min(limit, scan.count()));
            print(this, tickets, json);
            return reportCorrupt(scan.corrupt());
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, showDefaultValues = true,
            description = {"Prints one ticket as JSON.",
                "Exit code 1 when there is no such ticket, 6 when its file cannot be read."})
    static final class GetTicket extends DataDirCommand {

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

    @Command(name = "search", mixinStandardHelpOptions = true, showDefaultValues = true,
            description = {"Lists the tickets whose fields have every given value.",
                "Fields: ticket_id, title, category, priority, status, assigned_to, "
                    + "requester_email, tags (the ticket has that tag). Category and e-mail "
                    + "ignore case; assigned_to= matches unassigned tickets.",
                "Ticket files that cannot be read are named on stderr and the exit code is 6."})
    static final class SearchTickets extends DataDirCommand {

        @Parameters(paramLabel = "FIELD=VALUE", arity = "1..*",
                description = "A field and the value it must have; every one must hold.")
        Map<String, String> criteria = new LinkedHashMap<>();

        @Option(names = "--json", description = "Prints a JSON array instead of a table.")
        boolean json;

        private TicketCriteria match;

        @Override
        void validate() {
            super.validate();
            try {
                match = TicketCriteria.of(criteria);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }

        @Override
        ExitCode execute() {
            StoreScan scan;
            try (var data = openForReading()) {
                scan = data.tickets().scan();
            }
            print(this, scan.tickets().stream().filter(match).toList(), json);
            return reportCorrupt(scan.corrupt());
        }
    }

    @Command(name = "count", mixinStandardHelpOptions = true, showDefaultValues = true,
            description = {"Prints how many tickets the data directory holds.",
                "Ticket files that cannot be read are not counted: they are named on stderr "
                    + "and the exit code is 6, as with 'tickets list'."})
    static final class CountTickets extends DataDirCommand {

        @Override
        ExitCode execute() {
            StoreScan scan;
            try (var data = openForReading()) {
                scan = data.tickets().scan();
            }
            out().println(scan.count());
            return reportCorrupt(scan.corrupt());
        }
    }
}
