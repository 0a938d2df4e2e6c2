package org.helpdesktriage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.helpdesktriage.core.job.SlaOverview;
import org.helpdesktriage.core.sla.SlaStatus.SlaState;
import org.helpdesktriage.core.sla.SlaStatus;
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
        Instant now = clock().instant();
        StoreScan scan = openForReading().tickets().scan();
        SlaOverview overview = SlaOverview.of(config(), scan.tickets(), now);
        overview.unmeasured().forEach(u -> err().println("warning: ticket " + u.ticketId()
                + " not measured: " + u.problem()));
        List<SlaOverview.Entry> listed = overview.entries().stream()
                .filter(e -> selected(e.state())).toList();
        printList(listed, json, SlaStatusCommand::toJson, new Table("TICKET_ID", "STATE",
                "FIRST_RESPONSE", "RESOLUTION", "POLICY", "PRIORITY", "STATUS",
                "FIRST_RESPONSE_DUE", "RESOLUTION_DUE"),
                e -> new Object[] {e.ticket().ticketId(), e.state().id(),
                    e.status().firstResponse().id(), e.status().resolution().id(),
                    e.status().sla().policy(), e.ticket().priority().id(),
                    e.ticket().status().id(), e.status().sla().firstResponseDue(),
                    e.status().sla().resolutionDue()});
        tell("helpdesk-triage: " + summary(overview.counts()) + (overview.withoutPolicy() > 0
                ? ", " + overview.withoutPolicy() + " without a policy" : "")
                + (overview.unmeasured().isEmpty() ? ""
                        : ", " + overview.unmeasured().size() + " not measured") + " at " + now);
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

    private static JsonNode toJson(SlaOverview.Entry e) {
        SlaStatus s = e.status();
        ObjectNode n = OpsJson.object();
        n.put("ticket_id", e.ticket().ticketId());
        n.put("state", e.state().id());
        n.put("first_response", s.firstResponse().id());
        n.put("resolution", s.resolution().id());
        n.put("policy", s.sla().policy());
        n.put("calendar", s.sla().calendar());
        n.put("priority", e.ticket().priority().id());
        n.put("status", e.ticket().status().id());
        n.put("first_response_due", Objects.toString(s.sla().firstResponseDue(), null));
        n.put("resolution_due", Objects.toString(s.sla().resolutionDue(), null));
        if (s.sla().pausedSince() != null) {
            n.put("paused_since", s.sla().pausedSince().toString());
        }
        return n;
    }
}
