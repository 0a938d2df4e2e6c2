package org.helpdesktriage.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;
import org.helpdesktriage.core.store.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Shows the audit log: who did what to which ticket, when. */
@Command(name = "audit", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Shows the audit log of the data directory, oldest first.",
            "Times are ISO-8601 instants (2026-11-20T08:00:00Z) or UTC dates (2026-11-20, "
                + "meaning 00:00 UTC that day).",
            "Exit code 6 when the audit log has unreadable lines (they are named)."})
final class AuditCommand extends DataDirCommand {

    @Option(names = "--ticket", paramLabel = "ID",
            description = "Shows only the entries of this ticket.")
    String ticket;

    @Option(names = "--actor", paramLabel = "NAME",
            description = "Shows only the entries by this actor.")
    String actor;

    @Option(names = "--since", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Shows only the entries at or after this time.")
    Instant since;

    @Option(names = "--until", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Shows only the entries before this time.")
    Instant until;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Shows only the N most recent matching entries; 0 shows all of them.")
    int limit;

    @Option(names = "--json", description = "Prints a JSON array instead of a table.")
    boolean json;

    @Override
    void validate() {
        super.validate();
        requireAtLeast("--limit", limit, 0);
        if (since != null && until != null && until.isBefore(since)) {
            throw usage("--until " + until + " is before --since " + since);
        }
    }

    @Override
    ExitCode execute() {
        AuditLog.Query query = new AuditLog.Query(ticket, actor, since, until, limit);
        List<AuditLog.Entry> entries;
        try (var data = openForReading()) {
            entries = data.audit().query(query);
        }
        printList(entries, json, OpsJson::audit,
                new Table("TIME", "ACTOR", "ACTION", "TICKET_ID", "RUN_ID", "CHANGES"),
                e -> new Object[] {e.time(), e.actor(), e.action(), e.ticketId(), e.runId(),
                    e.changes().entrySet().stream().map(c -> c.getKey() + ": "
                            + c.getValue().from() + " -> " + c.getValue().to())
                            .collect(Collectors.joining(", "))});
        return ExitCode.OK;
    }

    /** Reads an ISO-8601 instant, or a date as 00:00 UTC of that day. */
    static final class TimeConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return value.contains("T") ? Instant.parse(value)
                        : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is neither an ISO-8601 "
                        + "instant (2026-11-20T08:00:00Z) nor a date (2026-11-20)");
            }
        }
    }
}
