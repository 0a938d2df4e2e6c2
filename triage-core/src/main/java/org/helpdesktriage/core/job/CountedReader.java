package org.helpdesktriage.core.job;

import java.util.function.Supplier;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.ingest.InputFormat;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.ingest.RecordReader;

/** A job's input, counting the records it hands out, so that a stopped run counts the rest. */
final class CountedReader implements RecordReader {

    private final RecordReader reader;
    private long handedOut;

    CountedReader(RecordReader reader) {
        this.reader = reader;
    }

    // the rest of the input, read without parsing; an unreadable rest counts as far as it
    // could be read
    long skipRest() {
        long n = 0;
        try {
            while (reader.hasNext()) {
                reader.nextDeferred();
                n++;
            }
        } catch (TriageException e) {
            return n;
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
        Supplier<RawRecord> r =
                reader.nextDeferred();
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

    long handedOut() {
        return handedOut;
    }
}
