package org.helpdesktriage.cli;

import java.util.List;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.StoreScan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists the tickets of the store in id order. */
@Command(name = "list", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Lists the tickets in id order.",
            "Ticket files that cannot be read are named on stderr and the exit code is 6; "
                + "the readable tickets are still listed."})
final class TicketListCommand extends DataDirCommand {

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
        TicketsCommand.print(this, tickets, json);
        return reportCorrupt(scan.corrupt());
    }
}
