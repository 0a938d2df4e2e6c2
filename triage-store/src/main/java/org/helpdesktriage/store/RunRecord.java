package org.helpdesktriage.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The summary of one batch run, kept in the data directory.
 *
 * @param runId the run's id
 * @param command what ran ("run tickets.csv")
 * @param startedAt when it started
 * @param finishedAt when it finished
 * @param exitCode the run's exit code
 * @param details named facts, in order: configuration fingerprint, input, output, rejects file
 * @param counts named counts, in order ("read", "triaged", "rejected", "escalated")
 */
public record RunRecord(String runId, String command, Instant startedAt, Instant finishedAt,
        int exitCode, Map<String, String> details, Map<String, Long> counts) {

    /** Checks the arguments and copies the counts. */
    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (finishedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("run " + runId + " finished at " + finishedAt
                    + ", before it started at " + startedAt);
        }
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** Returns how long the run took. */
    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }
}
