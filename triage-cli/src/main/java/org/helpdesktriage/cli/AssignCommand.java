package org.helpdesktriage.cli;

import java.util.Map;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.job.QueueSweep;
import org.helpdesktriage.store.RecordedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Assigns the stored tickets waiting on a team's queue, as shifts start and capacity frees. */
@Command(name = "assign", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Tries again the stored tickets waiting on a team's queue: no assignee, "
                + "a status in assignment.load_statuses, a team whose strategy is not none. "
                + "Oldest (created_at) first, each goes to an available agent of its team "
                + "(active, on shift at --now, below capacity) by the team's strategy, is saved "
                + "with status assigned and audited (action assign). Meant for a cron line "
                + "every few minutes, as shifts start and agents' capacity frees.",
            "Prints what was assigned and how many tickets still wait, by reason. Runs one at "
                + "a time with triage and other assign runs on the same store: the agent "
                + "ledger's lock keeps every agent within capacity."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every waiting ticket was tried (assigned or still waiting)",
            "1:an unexpected error", "2:the command line is wrong",
            "3:the configuration is invalid",
            "5:another process holds the data directory's lock",
            "6:some ticket files are corrupt (the others were tried)"})
final class AssignCommand extends RecordedCommand {

    static final String ASSIGNMENTS = "helpdesk_triage_assignments_total";
    static final String WAITING = "helpdesk_triage_assignment_waits_total";

    @Mixin
    DryRunOption dryRunOption = new DryRunOption();

    @Option(names = "--json", description = "Prints the assignments and the waiting tickets as "
            + "JSON.")
    boolean json;

    @Override
    boolean dependsOnRules() {
        return true;
    }

    @Override
    String runName() {
        return "assign";
    }

    @Override
    boolean dryRun() {
        return dryRunOption.dryRun;
    }

    @Override
    void declareMetrics(TriageConfig config, Metrics metrics) {
        AssignPrinter.declare(config, metrics);
    }

    @Override
    ExitCode run(TriageConfig config, RecordedRun run, Metrics metrics, Map<String, Long> counts,
            Map<String, String> details) {
        details.put("dry_run", String.valueOf(dryRun()));
        if (!config.assignment().enabled()) {
            tell("helpdesk-triage: the configuration has no agents (agents, agents_file); "
                    + "nothing to assign");
            return ExitCode.OK;
        }
        QueueSweep.Result result = QueueSweep.of(config, run.data().tickets(),
                run.data().audit(), run.data().agentLedger(), clock(), "helpdesk-triage")
                .run(run.runId(), dryRun());
        AssignPrinter.count(result, metrics, counts);
        if (json) {
            out().println(result.toJson());
        } else {
            AssignPrinter.print(result, out(), quiet());
        }
        result.corrupt().forEach(c -> err().println("error: " + c.location() + ": "
                + c.problem()));
        tell(String.format("helpdesk-triage: %s %d, still waiting %d%s, corrupt %d, run %s",
                dryRun() ? "would assign" : "assigned", result.assigned().size(),
                result.waitingCount(), AssignPrinter.reasons(result), result.corrupt().size(),
                run.runId()));
        return result.corrupt().isEmpty() ? ExitCode.OK : ExitCode.DATA_PROBLEM;
    }
}
