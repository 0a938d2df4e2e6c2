package org.helpdesktriage.cli;

import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.TriageOutcome;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.store.DeadLetterReplay;
import org.helpdesktriage.store.RecordedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Triages dead letters again, for example after a configuration fix. */
@Command(name = "retry", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Triages the kept rejected records again with the current configuration."
                + " Those that succeed are stored and leave the dead letters; those that fail "
                + "stay, with their new reason and one more attempt counted."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every retried record was triaged", "1:an unexpected error",
            "2:the command line is wrong", "3:the configuration is invalid",
            "4:some records failed again", "5:another process holds the data directory's lock"})
final class DeadLettersRetryCommand extends RecordedCommand {

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Retries only the N oldest dead letters; 0 retries all of them.")
    int limit;

    @Mixin
    DryRunOption dryRunOption = new DryRunOption();

    @Override
    boolean dependsOnRules() {
        return true;
    }

    @Override
    String runName() {
        return "dead-letters retry";
    }

    @Override
    boolean dryRun() {
        return dryRunOption.dryRun;
    }

    @Override
    void validate() {
        super.validate();
        requireAtLeast("--limit", limit, 0);
    }

    @Override
    void declareMetrics(TriageConfig config, Metrics metrics) {
        for (String outcome : List.of("triaged", "rejected")) {
            metrics.declare("helpdesk_triage_retries_total", Map.of("outcome", outcome));
        }
    }

    @Override
    ExitCode run(TriageConfig config, RecordedRun run, Metrics metrics, Map<String, Long> counts,
            Map<String, String> details) {
        TriageEngine engine = run.engine(config).build();
        DeadLetterReplay.Summary summary = DeadLetterReplay.retry(run, engine, limit, retry -> {
            String id = retry.letter().id();
            if (retry.outcome() instanceof TriageOutcome.Triaged t) {
                metrics.increment("helpdesk_triage_retries_total", Map.of("outcome", "triaged"));
                say(id + " triaged: " + t.result().ticket().ticketId() + " -> "
                        + t.result().routing().assignedTo());
            } else {
                metrics.increment("helpdesk_triage_retries_total", Map.of("outcome", "rejected"));
                out().println(id + " failed again: "
                        + ((TriageOutcome.Rejected) retry.outcome()).rejection().message());
            }
        });
        counts.putAll(summary.counts());
        tell(String.format("helpdesk-triage: %s %d, triaged %d, failed again %d%s",
                dryRun() ? "would retry" : "retried", summary.retried(), summary.triaged(),
                summary.failed(), dryRun() ? "" : ", run " + run.runId()));
        return summary.failed() == 0 ? ExitCode.OK : ExitCode.REJECTED;
    }
}
