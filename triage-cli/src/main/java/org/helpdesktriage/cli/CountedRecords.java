package org.helpdesktriage.cli;

import java.util.function.Supplier;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.ingest.InputFormat;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.ingest.RecordReader;

/**
 * A record reader that counts the records it hands out, so that a run stopped by a full disk
 * can account for every record: triaged, rejected, or not processed.
 */
final class CountedRecords implements RecordReader {

    private final RecordReader reader;
    private long handedOut;

    CountedRecords(RecordReader reader) {
        this.reader = reader;
    }

    /** Returns how many records were handed out. */
    long handedOut() {
        return handedOut;
    }

    /** Reads the rest of the input without parsing it and returns how many records it held. */
    long skipRest() {
        long n = 0;
        try {
            while (reader.hasNext()) {
                reader.nextDeferred();
                n++;
            }
        } catch (TriageException e) {
            // an unreadable rest is counted as far as it could be read
        }
        return n;
    }

    @Override
    public boolean hasNext() {
        return reader.hasNext();
    }

    @Override
    public RawRecord next() {
        RawRecord r = reader.next();
        handedOut++;
        return r;
    }

    @Override
    public Supplier<RawRecord> nextDeferred() {
        Supplier<RawRecord> r = reader.nextDeferred();
        handedOut++;
        return r;
    }

    @Override
    public long lastRecordLength() {
        return reader.lastRecordLength();
    }

    @Override
    public boolean singleObject() {
        return reader.singleObject();
    }

    @Override
    public InputFormat format() {
        return reader.format();
    }

    @Override
    public void close() {
        reader.close();
    }
}
