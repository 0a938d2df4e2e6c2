package org.helpdesktriage.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.ingest.RecordReaders;

/**
 * A record that could not be processed, kept with the reason so it can be fixed and retried.
 *
 * @param id the dead letter's id, unique in the data directory
 * @param time when it last failed
 * @param runId the run it failed in, or {@code null}
 * @param source where the record came from ("tickets.csv line 12")
 * @param reason why it failed, as a sentence
 * @param record the record's fields as read (JSON-like values)
 * @param attempts how many times it has failed
 */
public record DeadLetter(String id, Instant time, String runId, String source, String reason,
        Map<String, Object> record, int attempts) {

    /** Checks the arguments and copies the record. */
    public DeadLetter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        record = Collections.unmodifiableMap(new LinkedHashMap<>(record));
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts " + attempts + " must be at least 1");
        }
    }

    /** Returns this dead letter after another failed attempt. */
    public DeadLetter failedAgain(Instant when, String newReason, String newRunId) {
        return new DeadLetter(id, when, newRunId, source, newReason, record, attempts + 1);
    }

    /**
     * Returns the ticket id the kept record names (under {@code ticket_id} or an alias), or
     * empty: a later import that stores this ticket resolves the letter.
     */
    public Optional<String> ticketId() {
        return RecordReaders.ticketId(record);
    }
}
