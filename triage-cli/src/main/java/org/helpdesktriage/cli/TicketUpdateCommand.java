package org.helpdesktriage.cli;

import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.store.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Changes a stored ticket's status or assignee, audited, under the data directory lock. */
@Command(name = "update", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Changes one ticket's status (--status), or hands it to another agent "
                + "(--assignee), and records an 'update' entry in the audit log. The status "
                + "moves only as the ticket life cycle allows (a closed ticket stays closed; "
                + "nothing moves back to new). A ticket resolved or closed stops counting "
                + "towards its agent's load at once, so 'assign' can give that agent more.",
            "Takes the data directory lock (see --wait).",
            "Exit code 1 when there is no such ticket, the life cycle forbids the change or the "
                + "agent is not in the roster, 2 when neither --status nor --assignee is "
                + "given, 5 when another process holds the lock, 6 when its file cannot be "
                + "read."})
final class TicketUpdateCommand extends DataDirCommand {

    @Parameters(paramLabel = "ID", description = "The ticket's id, exactly as stored.")
    String id;

    @Option(names = "--status", paramLabel = "STATUS", description = "The new status: new, "
            + "triaged, assigned, in_progress, resolved, closed or escalated.")
    String status;

    @Option(names = "--assignee", paramLabel = "AGENT", description = "The agent of the "
            + "roster to hand the ticket to (metadata.assignee); a new or triaged ticket "
            + "becomes assigned.")
    String assignee;

    private Status parsed;

    @Override
    void validate() {
        super.validate();
        if (status == null && assignee == null) {
            throw usage("give --status STATUS, --assignee AGENT, or both");
        }
        if (status != null) {
            parsed = Status.parse(status).orElseThrow(() -> usage("--status '" + status
                    + "' is not a status: new, triaged, assigned, in_progress, resolved, "
                    + "closed or escalated"));
        }
        if (assignee != null && assignee.isBlank()) {
            throw usage("--assignee is blank; name an agent of the roster");
        }
    }

    @Override
    ExitCode execute() {
        requireExisting();
        // two connections besides the lock's on PostgreSQL: the ledger's and the save's
        try (Storage data = dataDirOptions.openStorage(config(), environment().variables(),
                "tickets update", false, 2, clock())) {
            data.notices().forEach(n -> tell("helpdesk-triage: " + n));
            TicketUpdate.Outcome o;
            try {
                o = TicketUpdate.apply(data, config().assignment(), id, parsed,
                        assignee == null ? null : assignee.trim(), TicketDeleteCommand.ACTOR,
                        clock().instant());
            } catch (IllegalStateException | IllegalArgumentException refused) {
                err().println("error: ticket '" + id + "': " + refused.getMessage());
                return ExitCode.ERROR;
            }
            if (o.ticket().isEmpty()) {
                err().println("error: no ticket '" + id + "' in " + data.describe());
                return ExitCode.ERROR;
            }
            say(o.changes().isEmpty() ? "ticket '" + id + "' already is so; nothing changed"
                    : "updated ticket '" + id + "': " + o.changes().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue().from() + " -> "
                                    + e.getValue().to())
                            .collect(java.util.stream.Collectors.joining(", ")));
            return ExitCode.OK;
        }
    }
}
