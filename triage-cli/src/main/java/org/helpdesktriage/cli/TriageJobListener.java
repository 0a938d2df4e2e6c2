package org.helpdesktriage.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.BatchTriage;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.TriageResult;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.ingest.Rejection;
import org.helpdesktriage.core.job.TriageJob;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.route.Routing;
import org.helpdesktriage.store.RecordedRun;

/**
 * The triage command's side of its {@link TriageJob}: the progress bar, the metrics, the run's
 * dead letters (none without a data directory), a word on each leftover removed, and the run
 * record's counts, also when a full disk or a lost database stops the job.
 */
final class TriageJobListener implements TriageJob.Listener {

    private static final String RECORDS = "helpdesk_triage_records_total";
    private static final String TICKETS = "helpdesk_triage_tickets_total";
    private static final String CACHE = "helpdesk_triage_cache_lookups_total";

    private final RecordedRun run;
    private final TriageJob.Listener deadLetters;
    private final Metrics metrics;
    private final Map<String, Long> counts;
    private final AbstractCommand command;
    private Progress progress;
    private TriageJob job;

    TriageJobListener(RecordedRun run, Metrics metrics, Map<String, Long> counts,
            AbstractCommand command) {
        this.run = run;
        this.deadLetters = run == null ? new TriageJob.Listener() { } : run.deadLetters();
        this.metrics = metrics;
        this.counts = counts;
        this.command = command;
    }

    /** Declares the triage counters at zero. */
    static void declare(TriageConfig config, Metrics metrics) {
        for (String outcome : List.of("triaged", "rejected")) {
            metrics.declare(RECORDS, Map.of("outcome", outcome));
        }
        for (String category : config.categories().names()) {
            for (Priority priority : Priority.values()) {
                metrics.declare(TICKETS, Map.of("category", category, "priority", priority.id()));
            }
        }
        if (config.assignment().enabled()) {
            AssignPrinter.declare(config, metrics);
        }
        if (config.cacheEnabled()) {
            for (String result : List.of("hit", "miss")) {
                metrics.declare(CACHE, Map.of("result", result));
            }
        }
    }

    /**
     * Runs {@code job} on {@code input} with a progress bar and puts its counts in the run
     * record's; a job a full disk or a lost database stopped is counted and told.
     */
    BatchTriage.Summary run(TriageJob.Builder job, TriageInput input) throws IOException {
        Main.Environment env = command.environment();
        Progress.ByteCounter counter = input.counted(env.in());
        progress = Progress.of(env.terminal() && !command.quiet(), command.err(), env.clock(),
                input.input().equals("-") ? 0 : Files.size(Path.of(input.input())), counter);
        BatchTriage.Summary summary;
        try {
            this.job = job.input(input.open(counter, command.config())).build();
            summary = this.job.run();
        } catch (TriageJob.Incomplete stopped) {
            count(stopped.read(), stopped.triaged(), stopped.rejected());
            counts.put("not_processed", stopped.notProcessed());
            throw told(stopped);
        } finally {
            progress.finish();
        }
        count(summary.read(), summary.triaged(), summary.rejected());
        if (run != null) {
            counts.put("dead_letters_resolved", run.deadLettersResolved());
        }
        return summary;
    }

    // counts the cache's hits and misses, and returns the summary's part, or "" without
    private String cacheReport(TriageEngine engine) {
        return engine.cacheStats().map(c -> {
            counts.put("cache_hits", c.hits());
            counts.put("cache_misses", c.misses());
            metrics.add(CACHE, Map.of("result", "hit"), c.hits());
            metrics.add(CACHE, Map.of("result", "miss"), c.misses());
            return ", cache hits " + c.hits() + ", misses " + c.misses();
        }).orElse("");
    }

    /**
     * Tells the summary line: the counts, the cache's and the shadow's ({@code shadowed}), the
     * run's id and where the rejects went.
     */
    void tell(BatchTriage.Summary summary, TriageEngine engine, String shadowed, boolean dryRun,
            Path rejects) {
        command.tell("helpdesk-triage: " + summary + assignmentReport() + cacheReport(engine)
                + shadowed
                + (run == null || dryRun ? "" : ", run " + run.runId())
                + (summary.rejected() > 0 && rejects != null
                        ? " (rejects in " + rejects + ")" : ""));
    }

    // with a roster: ", assigned N, waiting M (reason n, ...)", counted and in the metrics
    private String assignmentReport() {
        if (job == null) {
            return "";
        }
        return job.assignments().map(a -> {
            counts.put("assigned", a.assigned());
            counts.put("waiting", a.waiting());
            a.assignedPerTeam().forEach((team, n) -> metrics.add(AssignCommand.ASSIGNMENTS,
                    Map.of("team", team), n));
            a.waitingPerReason().forEach((reason, n) -> metrics.add(AssignCommand.WAITING,
                    Map.of("reason", reason), n));
            return ", assigned " + a.assigned() + ", waiting " + a.waiting()
                    + AssignPrinter.reasons(a.waitingPerReason());
        }).orElse("");
    }

    private void count(long read, long triaged, long rejected) {
        counts.put("read", read);
        counts.put("triaged", triaged);
        counts.put("rejected", rejected);
    }

    // a database that went away: one line saying where, what was stored and that a rerun
    // resumes (each ticket is stored once, by id); a full disk: the summary counts every
    // record and OUTPUT was not written
    private TriageException told(TriageJob.Incomplete stopped) {
        if (stopped.code() == ErrorCode.STORE_UNAVAILABLE) {
            return new TriageException(ErrorCode.STORE_UNAVAILABLE, stopped.getMessage() + "; "
                    + stopped.triaged() + " ticket(s) of this run were stored before it went, "
                    + stopped.notProcessed() + " record(s) not processed; run again when the "
                    + "database is back: the rerun resumes, storing each ticket once", stopped);
        }
        command.tell("helpdesk-triage: read " + stopped.read() + ", triaged "
                + stopped.triaged() + ", rejected " + stopped.rejected() + ", not processed "
                + stopped.notProcessed() + " (no space left on device)"
                + (run == null ? "" : ", run " + run.runId()) + "; OUTPUT was not written; "
                + "free some space and run again: a rerun stores each ticket once");
        return (TriageException) stopped.getCause();
    }

    @Override
    public void leftoverRemoved(Path leftover) {
        command.err().println("helpdesk-triage: removed " + leftover
                + ", left by a run that did not finish");
    }

    @Override
    public void triaged(TriageResult result) {
        progress.record();
        deadLetters.triaged(result);
        Routing r = result.routing();
        metrics.increment(RECORDS, Map.of("outcome", "triaged"));
        metrics.increment(TICKETS, Map.of("category", r.category(), "priority", r.priority().id()));
    }

    @Override
    public void rejected(Rejection rejection) {
        progress.record();
        deadLetters.rejected(rejection);
        metrics.increment(RECORDS, Map.of("outcome", "rejected"));
    }
}
