package org.helpdesktriage.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditEntry;
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
            Map<String, AuditEntry.Change> changes = new LinkedHashMap<>();
            Optional<Ticket> before;
            try {
                before = data.tickets().get(id);
            } catch (TriageException unreadable) {
                // an unreadable file is still this id's file; deleting it is the operator's fix
                before = Optional.empty();
                changes.put("file", new AuditEntry.Change("unreadable", null));
            }
            before.ifPresent(t -> {
                changes.put("status", new AuditEntry.Change(t.status().id(), null));
                changes.put("title", new AuditEntry.Change(t.title(), null));
            });
            if (!data.tickets().delete(id)) {
                err().println("error: no ticket '" + id + "' in " + data.describe());
                return ExitCode.ERROR;
            }
            data.audit().append(new AuditEntry(clock().instant(), ACTOR, "delete", id, changes,
                    null));
            say("deleted ticket '" + id + "' from " + data.describe());
            return ExitCode.OK;
        }
    }
}
