package org.helpdesktriage.cli;

import org.helpdesktriage.core.store.StoreScan;
import picocli.CommandLine.Command;

/** Prints how many tickets the store holds. */
@Command(name = "count", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Prints how many tickets the data directory holds.",
            "Ticket files that cannot be read are not counted: they are named on stderr "
                + "and the exit code is 6, as with 'tickets list'."})
final class TicketCountCommand extends DataDirCommand {

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
