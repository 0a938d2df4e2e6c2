package org.helpdesktriage.cli;

import org.helpdesktriage.store.provider.Cleanup;

/** Prints what cleanup did, or would do in a dry run, and returns the exit code. */
final class CleanupReport {

    private CleanupReport() {
    }

    /** Prints what a cleanup did: OK, or DATA_PROBLEM when some ticket files are corrupt. */
    static ExitCode done(AbstractCommand command, Cleanup.Result result, boolean archive) {
        result.removedLeftovers().forEach(p -> command.say("removed " + p
                + ", left by a backup that was interrupted"));
        result.corrupt().forEach(c -> command.err().println("error: " + c.location() + ": "
                + c.problem()));
        result.prunedBackups().forEach(p -> command.say("pruned backup " + p));
        command.say(String.format("%s %d tickets finished before %s; pruned %d run records, "
                + "%d dead letters and %d backups", archive ? "archived" : "deleted",
                result.moved().size(), result.cutoff(), result.prunedRuns().size(),
                result.prunedDeadLetters().size(), result.prunedBackups().size()));
        return result.corrupt().isEmpty() ? ExitCode.OK : ExitCode.DATA_PROBLEM;
    }

    /** Prints what a cleanup would do, changing nothing. */
    static ExitCode plan(AbstractCommand command, Cleanup.Result plan, boolean archive) {
        plan.moved().forEach(id -> command.say("would " + (archive ? "archive " : "delete ")
                + id));
        plan.prunedRuns().forEach(r -> command.say("would prune run record " + r.runId()));
        plan.prunedDeadLetters().forEach(d -> command.say("would prune dead letter " + d.id()));
        plan.prunedBackups().forEach(p -> command.say("would prune backup " + p));
        plan.removedLeftovers().forEach(p -> command.say("would remove " + p
                + ", left by a backup that was interrupted"));
        plan.corrupt().forEach(c -> command.err().println("error: " + c.location() + ": "
                + c.problem()));
        command.say(String.format("dry run: would %s %d tickets finished before %s; would "
                + "prune %d run records, %d dead letters and %d backups; nothing was changed",
                archive ? "archive" : "delete", plan.moved().size(), plan.cutoff(),
                plan.prunedRuns().size(), plan.prunedDeadLetters().size(),
                plan.prunedBackups().size()));
        return plan.corrupt().isEmpty() ? ExitCode.OK : ExitCode.DATA_PROBLEM;
    }
}
