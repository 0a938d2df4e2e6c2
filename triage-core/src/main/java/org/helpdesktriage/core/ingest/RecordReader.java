package org.helpdesktriage.core.ingest;

import java.io.Closeable;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * Reads the records of one input, one at a time, without holding the input in memory. Open one
 * with {@link RecordReaders}.
 *
 * <pre>{@code
 * try (RecordReader reader = RecordReaders.open(Path.of("tickets.csv"))) {
 *     while (reader.hasNext()) {
 *         RawRecord record = reader.next();
 *     }
 * }
 * }</pre>
 *
 * <p>A record that cannot be parsed is returned as a {@link RawRecord} with a parse error, and
 * reading goes on where the format allows it. A record longer than
 * {@link org.helpdesktriage.core.model.InputLimits#maxRecordLength()} is read to its end
 * without being held and returned as such a record, so memory per record is bounded whatever
 * the input. A failure to read the input at all is a
 * {@link org.helpdesktriage.core.error.TriageException} with code
 * {@link org.helpdesktriage.core.error.ErrorCode#INPUT_UNREADABLE}.
 */
public interface RecordReader extends Iterator<RawRecord>, Closeable {

    /**
     * Returns whether the input is JSON holding a single top-level object (not an array), so a
     * caller can write its output in the same shape. Reads ahead to the first record if needed.
     */
    boolean singleObject();

    /**
     * Returns the next record as a task that parses it, so that a caller reading on one thread can
     * parse on others (as {@link org.helpdesktriage.core.BatchTriage} does). Reading, line
     * numbers and record ordinals stay on the calling thread and in input order; the task may run
     * on any thread, once. Readers that cannot split reading from parsing parse here.
     *
     * @throws java.util.NoSuchElementException when there is no next record
     */
    default Supplier<RawRecord> nextDeferred() {
        RawRecord record = next();
        return () -> record;
    }

    /**
     * Returns how many characters of input the record last handed out by {@link #next()} or
     * {@link #nextDeferred()} holds, at most {@code max_record_length}; 0 when unknown. A caller
     * holding many records at once (as {@link org.helpdesktriage.core.BatchTriage} does) bounds
     * their total with it.
     */
    default long lastRecordLength() {
        return 0;
    }

    /** Returns the format being read. */
    InputFormat format();

    /** Closes the input; unchecked, since a reader only reads. */
    @Override
    void close();
}
