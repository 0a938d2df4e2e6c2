package org.helpdesktriage.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.core.store.TicketStore.TicketCriteria;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Lists the tickets of the store whose fields have every given value. */
@Command(name = "search", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Lists the tickets whose fields have every given value.",
            "Fields: ticket_id, title, category, priority, status, assigned_to, "
                + "requester_email, tags (the ticket has that tag). Category and e-mail "
                + "ignore case; assigned_to= matches unassigned tickets.",
            "Ticket files that cannot be read are named on stderr and the exit code is 6."})
final class TicketSearchCommand extends DataDirCommand {

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
        TicketsCommand.print(this, scan.tickets().stream().filter(match).toList(), json);
        return reportCorrupt(scan.corrupt());
    }
}
