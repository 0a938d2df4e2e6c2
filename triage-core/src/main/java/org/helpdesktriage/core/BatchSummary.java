package org.helpdesktriage.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The counts of a batch run: every record read is either triaged or rejected.
 *
 * @param read records read
 * @param triaged records triaged
 * @param rejected records rejected
 * @param elapsed wall time of the run
 */
public record BatchSummary(long read, long triaged, long rejected, Duration elapsed) {

    /** Checks that nothing was lost. */
    public BatchSummary {
        Objects.requireNonNull(elapsed, "elapsed");
        if (read != triaged + rejected) {
            throw new IllegalArgumentException("read " + read + " != triaged " + triaged
                    + " + rejected " + rejected);
        }
    }

    /** Returns "read 25, triaged 22, rejected 3, 0.41 s". */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "read %d, triaged %d, rejected %d, %.2f s",
                read, triaged, rejected, elapsed.toNanos() / 1e9);
    }
}
