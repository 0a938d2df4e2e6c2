package org.helpdesktriage.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.helpdesktriage.store.file.RunRecords;

/**
 * Keeps the summaries of batch runs: files in the data directory ({@link RunRecords}) or rows
 * of the PostgreSQL store ({@code org.helpdesktriage.store.postgres.PostgresRunLog}).
 */
public interface RunLog {

    /** Saves a run's summary, replacing one with the same id. */
    void save(RunRecord run);

    /** Returns the record of a run, or empty. */
    Optional<RunRecord> get(String runId);

    /** Returns every run record, newest first. */
    List<RunRecord> list();

    /** Deletes the records of runs that started before {@code cutoff}; returns them. */
    List<RunRecord> pruneStartedBefore(Instant cutoff);
}
