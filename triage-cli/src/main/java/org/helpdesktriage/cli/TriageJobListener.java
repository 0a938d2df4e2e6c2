package org.helpdesktriage.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.helpdesktriage.core.TriageResult;
import org.helpdesktriage.core.ingest.Rejection;
import org.helpdesktriage.core.job.TriageJob;
import org.helpdesktriage.core.route.Routing;
import org.helpdesktriage.store.RecordedRun;

/**
 * What the triage command does as its job goes: the progress bar, the metrics, the run's dead
 * letters (none without a data directory) and a word on each leftover removed.
 */
final class TriageJobListener implements TriageJob.Listener {

    private final TriageJob.Listener deadLetters;
    private final Metrics metrics;
    private final Progress progress;
    private final PrintWriter err;

    TriageJobListener(RecordedRun run, Metrics metrics, Progress progress, PrintWriter err) {
        this.deadLetters = run == null ? new TriageJob.Listener() { } : run.deadLetters();
        this.metrics = metrics;
        this.progress = progress;
        this.err = err;
    }

    @Override
    public void leftoverRemoved(Path leftover) {
        err.println("helpdesk-triage: removed " + leftover
                + ", left by a run that did not finish");
    }

    @Override
    public void triaged(TriageResult result) {
        progress.record();
        deadLetters.triaged(result);
        Routing r = result.routing();
        metrics.increment("helpdesk_triage_records_total", Map.of("outcome", "triaged"));
        metrics.increment("helpdesk_triage_tickets_total",
                Map.of("category", r.category(), "priority", r.priority().id()));
    }

    @Override
    public void rejected(Rejection rejection) {
        progress.record();
        deadLetters.rejected(rejection);
        metrics.increment("helpdesk_triage_records_total", Map.of("outcome", "rejected"));
    }
}
