package org.helpdesktriage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.escalation.EscalationService;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditEntry;
import org.helpdesktriage.core.store.CorruptRecord;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.core.store.TicketChanges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Escalates every open stored ticket that the escalation policy says should escalate. */
@Command(name = "escalate", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Checks every open ticket in the data directory against the escalation "
                + "policy (escalation_threshold_hours, auto_escalate_critical), escalates those "
                + "due, audits each change and reports what changed. Meant for an hourly cron "
                + "line."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:checked every ticket (escalated or not)", "1:an unexpected error",
            "2:the command line is wrong", "3:the configuration is invalid",
            "5:another process holds the data directory's lock",
            "6:some ticket files are corrupt (the others were checked)"})
final class EscalateCommand extends AbstractCommand {

    @Mixin
    DataDirOptions dataDir = new DataDirOptions();

    @Option(names = "--dry-run", description = "Reports what would escalate, changes nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Prints the escalations as JSON.")
    boolean json;

    @Option(names = "--metrics-file", paramLabel = "FILE",
            description = "Writes the run's metrics in the Prometheus text format, atomically.")
    Path metricsFile;

    @Override
    ExitCode execute() throws IOException {
        TriageConfig config = config();
        Metrics metrics = new Metrics("escalate");
        long start = System.nanoTime();
        Map<String, Long> counts = new LinkedHashMap<>();
        ExitCode code = ExitCode.ERROR;
        try (RunRecorder run = new RunRecorder(
                dataDir.openForWriting(config, "escalate", clock()), clock(), "escalate")) {
            run.data().notices().forEach(n -> err().println("helpdesk-triage: " + n));
            try {
                code = escalate(config, run, metrics, counts);
                return code;
            } catch (RuntimeException e) {
                code = ErrorHandler.exitCode(e);
                throw e;
            } finally {
                Map<String, String> details = new LinkedHashMap<>();
                details.put("config_fingerprint", ConfigLoader.fingerprint(config));
                details.put("dry_run", String.valueOf(dryRun));
                run.finish(code.code(), details, counts);
                if (metricsFile != null) {
                    metrics.write(metricsFile, (System.nanoTime() - start) / 1e9, code.code(),
                            clock().instant());
                }
            }
        }
    }

    private ExitCode escalate(TriageConfig config, RunRecorder run, Metrics metrics,
            Map<String, Long> counts) {
        EscalationService service = new EscalationService(config.escalation(), clock());
        StoreScan scan = run.data().tickets().scan();
        List<EscalationService.Escalation> done = new ArrayList<>();
        long open = 0;
        for (Ticket ticket : scan.tickets()) {
            if (!ticket.status().isFinished()) {
                open++;
            }
            service.escalate(ticket).ifPresent(e -> {
                done.add(e);
                metrics.increment("helpdesk_triage_escalations_total",
                        "priority=\"" + e.ticket().priority().id() + "\"");
                if (!dryRun) {
                    run.data().tickets().save(e.ticket());
                    Map<String, AuditEntry.Change> changes =
                            new LinkedHashMap<>(TicketChanges.between(e.before(), e.ticket()));
                    changes.put("escalation_reason", new AuditEntry.Change(null, e.reason()));
                    run.data().audit().append(new AuditEntry(clock().instant(),
                            "helpdesk-triage", "escalate", e.ticket().ticketId(), changes,
                            run.runId()));
                }
            });
        }
        counts.put("checked", (long) scan.tickets().size());
        counts.put("open", open);
        counts.put("escalated", (long) done.size());
        counts.put("corrupt", (long) scan.corrupt().size());
        metrics.add("helpdesk_triage_tickets_checked_total", "", scan.tickets().size());
        print(done);
        for (CorruptRecord c : scan.corrupt()) {
            err().println("error: " + c.location() + ": " + c.problem());
        }
        err().printf("helpdesk-triage: checked %d tickets (%d open), %s %d, corrupt %d, run %s%n",
                scan.tickets().size(), open, dryRun ? "would escalate" : "escalated",
                done.size(), scan.corrupt().size(), run.runId());
        return scan.corrupt().isEmpty() ? ExitCode.OK : ExitCode.DATA_PROBLEM;
    }

    private void print(List<EscalationService.Escalation> done) {
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode array = mapper.createArrayNode();
            for (EscalationService.Escalation e : done) {
                ObjectNode n = array.addObject();
                n.put("ticket_id", e.ticket().ticketId());
                n.put("priority_before", e.before().priority().id());
                n.put("priority", e.ticket().priority().id());
                n.put("status_before", e.before().status().id());
                n.put("reason", e.reason());
            }
            out().println(array.toPrettyString());
            return;
        }
        if (done.isEmpty()) {
            out().println("No ticket is due for escalation.");
            return;
        }
        out().printf("%-28s %-20s %s%n", "TICKET", "PRIORITY", "REASON");
        for (EscalationService.Escalation e : done) {
            out().printf("%-28s %-20s %s%n", e.ticket().ticketId(),
                    e.before().priority().id() + " -> " + e.ticket().priority().id(), e.reason());
        }
    }
}
