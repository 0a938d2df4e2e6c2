package org.helpdesktriage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.sla.StoredSlaStatus;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.sla.SlaCalculator;
import org.helpdesktriage.core.sla.SlaState;
import org.helpdesktriage.core.sla.SlaStatus;
import org.helpdesktriage.core.sla.TicketSla;
import org.helpdesktriage.core.store.StoreScan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists the stored tickets by SLA state, the most urgent first. */
@Command(name = "status", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Lists the stored tickets that have an SLA by state at --now: breached, "
                + "at risk, paused, ok, then the settled ones (missed, met, done), the most "
                + "urgent first.",
            "Due times are those stored on each ticket by triage and escalate, not recomputed "
                + "from the calendars of the configuration in effect; a ticket stored without an "
                + "SLA is measured by the configuration.",
            "A ticket's state is its most urgent open target's. A ticket whose SLA cannot be "
                + "measured (a date in the future) is named on stderr. Ticket files that cannot "
                + "be read are named on stderr and the exit code is 6."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "1:an unexpected error", "2:the command line is wrong",
            "3:the configuration is invalid or has no SLA policies",
            "6:some ticket files cannot be read (the others are listed)"})
final class SlaStatusCommand extends DataDirCommand {

    @Option(names = "--at-risk", description = "Lists only tickets at risk (with --breached: "
            + "at risk or breached).")
    boolean atRisk;

    @Option(names = "--breached", description = "Lists only breached tickets (with --at-risk: "
            + "at risk or breached).")
    boolean breached;

    @Option(names = "--json", description = "Prints a JSON array instead of a table.")
    boolean json;

    @Override
    boolean dependsOnRules() {
        return true;
    }

    @Override
    ExitCode execute() {
        TriageConfig config = config();
        if (!config.sla().enabled()) {
            throw new TriageException(ErrorCode.CONFIG_INVALID, "SLAs are off: the "
                    + "configuration has no sla.policies (docs/sla.md)");
        }
        SlaCalculator calculator = new SlaCalculator(config.sla());
        Instant now = clock().instant();
        StoreScan scan = openForReading().tickets().scan();
        List<Row> rows = new ArrayList<>();
        Map<SlaState, Integer> counts = new EnumMap<>(SlaState.class);
        int unmeasured = 0;
        int noPolicy = 0;
        for (Ticket t : scan.tickets()) {
            TicketSla followed = calculator.follow(t, now);
            if (followed.problem() != null) {
                err().println("warning: ticket " + t.ticketId() + " not measured: "
                        + followed.problem());
                unmeasured++;
                continue;
            }
            // the SLA stored on the ticket, as triage and escalate kept it; recomputed from the
            // configuration only for a ticket stored without one
            Optional<SlaStatus> status;
            try {
                status = StoredSlaStatus.of(t, config.sla(), now)
                        .or(() -> calculator.status(t, followed, now));
            } catch (IllegalArgumentException e) {
                status = calculator.status(t, followed, now);
            }
            if (status.isEmpty()) {
                noPolicy++;
                continue;
            }
            SlaState overall = status.get().overall();
            counts.merge(overall, 1, Integer::sum);
            if (selected(overall)) {
                rows.add(new Row(t, status.get(), overall));
            }
        }
        rows.sort(Comparator.comparing(Row::overall)
                .thenComparing(Row::nextDue, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> r.ticket().ticketId()));
        printList(rows, json, SlaStatusCommand::toJson, new Table("TICKET_ID", "STATE",
                "FIRST_RESPONSE", "RESOLUTION", "POLICY", "PRIORITY", "STATUS",
                "FIRST_RESPONSE_DUE", "RESOLUTION_DUE"),
                r -> new Object[] {r.ticket().ticketId(), r.overall().id(),
                    r.status().firstResponse().id(), r.status().resolution().id(),
                    r.status().sla().policy(), r.ticket().priority().id(),
                    r.ticket().status().id(), r.status().sla().firstResponseDue(),
                    r.status().sla().resolutionDue()});
        tell("helpdesk-triage: " + summary(counts) + (noPolicy > 0
                ? ", " + noPolicy + " without a policy" : "") + (unmeasured > 0
                ? ", " + unmeasured + " not measured" : "") + " at " + now);
        return reportCorrupt(scan.corrupt());
    }

    private boolean selected(SlaState s) {
        if (!atRisk && !breached) {
            return true;
        }
        return atRisk && s == SlaState.AT_RISK || breached && s == SlaState.BREACHED;
    }

    private static String summary(Map<SlaState, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return total + " ticket(s) with an SLA" + (total == 0 ? "" : ": " + counts.entrySet()
                .stream().map(e -> e.getValue() + " " + e.getKey().id().replace('_', ' '))
                .collect(Collectors.joining(", ")));
    }

    private static JsonNode toJson(Row r) {
        ObjectNode n = OpsJson.object();
        n.put("ticket_id", r.ticket().ticketId());
        n.put("state", r.overall().id());
        n.put("first_response", r.status().firstResponse().id());
        n.put("resolution", r.status().resolution().id());
        n.put("policy", r.status().sla().policy());
        n.put("calendar", r.status().sla().calendar());
        n.put("priority", r.ticket().priority().id());
        n.put("status", r.ticket().status().id());
        putInstant(n, "first_response_due", r.status().sla().firstResponseDue());
        putInstant(n, "resolution_due", r.status().sla().resolutionDue());
        if (r.status().sla().pausedSince() != null) {
            n.put("paused_since", r.status().sla().pausedSince().toString());
        }
        return n;
    }

    private static void putInstant(ObjectNode n, String key, Instant t) {
        if (t == null) {
            n.putNull(key);
        } else {
            n.put(key, t.toString());
        }
    }

    /** One listed ticket. */
    private record Row(Ticket ticket, SlaStatus status, SlaState overall) {

        // the due time of the most urgent open target, for ordering within a state
        Instant nextDue() {
            Instant fr = status.firstResponse().isOpen() ? status.sla().firstResponseDue() : null;
            Instant res = status.resolution().isOpen() ? status.sla().resolutionDue() : null;
            if (fr == null) {
                return res;
            }
            return res == null || fr.isBefore(res) ? fr : res;
        }
    }
}
