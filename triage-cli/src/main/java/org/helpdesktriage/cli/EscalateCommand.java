package org.helpdesktriage.cli;

import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.EscalationSweep;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.escalation.EscalationService;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.store.RecordedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Escalates every open stored ticket that the escalation policy says should escalate. */
@Command(name = "escalate", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Checks every open ticket in the data directory against the escalation "
                + "policy (escalation_threshold_hours, auto_escalate_critical), escalates those "
                + "due, audits each change and reports what changed. Meant for an hourly cron "
                + "line.",
            "With SLA escalation stages (sla.escalation in the configuration) the stages "
                + "replace the threshold: each applies once per ticket, in order, when its "
                + "fraction of the ticket's SLA target has elapsed; a ticket whose SLA cannot be "
                + "measured (a date in the future) is named on stderr and left alone."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:checked every ticket (escalated or not)", "1:an unexpected error",
            "2:the command line is wrong", "3:the configuration is invalid",
            "5:another process holds the data directory's lock",
            "6:some ticket files are corrupt (the others were checked)"})
final class EscalateCommand extends RecordedCommand {

    @Mixin
    DryRunOption dryRunOption = new DryRunOption();

    @Option(names = "--json", description = "Prints the escalations as JSON.")
    boolean json;

    @Override
    boolean dependsOnRules() {
        return true;
    }

    @Override
    String runName() {
        return "escalate";
    }

    @Override
    boolean dryRun() {
        return dryRunOption.dryRun;
    }

    @Override
    void declareMetrics(TriageConfig config, Metrics metrics) {
        for (Priority priority : Priority.values()) {
            metrics.declare("helpdesk_triage_escalations_total",
                    Map.of("priority", priority.id()));
        }
        config.sla().escalation().forEach(stage -> metrics.declare(
                "helpdesk_triage_sla_stages_total", Map.of("stage", stage.id())));
        metrics.declare("helpdesk_triage_tickets_checked_total", Map.of());
        metrics.declare("helpdesk_triage_sla_unmeasured_total", Map.of());
    }

    @Override
    ExitCode run(TriageConfig config, RecordedRun run, Metrics metrics, Map<String, Long> counts,
            Map<String, String> details) {
        details.put("dry_run", String.valueOf(dryRun()));
        return escalate(config, run, metrics, counts);
    }

    private ExitCode escalate(TriageConfig config, RecordedRun run, Metrics metrics,
            Map<String, Long> counts) {
        EscalationSweep.Result result = EscalationSweep.of(config, run.data().tickets(),
                run.data().audit(), clock(), "helpdesk-triage").run(run.runId(), dryRun());
        List<EscalationService.Escalation> done = result.escalations();
        done.forEach(e -> metrics.increment("helpdesk_triage_escalations_total",
                Map.of("priority", e.ticket().priority().id())));
        done.stream().filter(e -> e.stage() != null).forEach(e -> metrics.increment(
                "helpdesk_triage_sla_stages_total", Map.of("stage", e.stage())));
        counts.put("checked", (long) result.checked());
        counts.put("open", (long) result.open());
        counts.put("escalated", (long) done.size());
        counts.put("corrupt", (long) result.corrupt().size());
        counts.put("unmeasured", (long) result.unmeasured().size());
        metrics.add("helpdesk_triage_tickets_checked_total", Map.of(), result.checked());
        metrics.add("helpdesk_triage_sla_unmeasured_total", Map.of(), result.unmeasured().size());
        print(result);
        result.corrupt().forEach(c -> err().println("error: " + c.location() + ": "
                + c.problem()));
        result.unmeasured().forEach(u -> err().println("warning: ticket " + u.location()
                + " not checked: " + u.problem()));
        long tickets = done.stream().map(e -> e.ticket().ticketId()).distinct().count();
        String stages = done.stream().anyMatch(e -> e.stage() != null)
                ? " (SLA stages, on " + tickets + " ticket(s))" : "";
        tell(String.format("helpdesk-triage: checked %d tickets (%d open), %s %d%s, corrupt %d, "
                + "run %s", result.checked(), result.open(),
                dryRun() ? "would escalate" : "escalated", done.size(), stages,
                result.corrupt().size(), run.runId()));
        return result.corrupt().isEmpty() ? ExitCode.OK : ExitCode.DATA_PROBLEM;
    }

    private void print(EscalationSweep.Result result) {
        List<EscalationService.Escalation> done = result.escalations();
        if (json) {
            out().println(result.escalationsJson());
            return;
        }
        if (done.isEmpty()) {
            say("No ticket is due for escalation.");
            return;
        }
        out().printf("%-28s %-20s %s%n", "TICKET", "PRIORITY", "REASON");
        for (EscalationService.Escalation e : done) {
            out().printf("%-28s %-20s %s%n", e.ticket().ticketId(),
                    e.before().priority().id() + " -> " + e.ticket().priority().id(), e.reason());
        }
    }
}
