package org.helpdesktriage.core.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;

/**
 * A reader that computes one record ahead: subclasses implement {@link #readNext()}, or
 * {@link #readNextDeferred()} when parsing can be split from reading.
 */
abstract class AbstractRecordReader implements RecordReader {

    final String source;
    private final Closeable input;
    private Supplier<RawRecord> next;
    private boolean done;
    /** Records returned or pending so far; the ordinal of the last record read. */
    long ordinal;
    /** The characters of input the last record read kept. */
    long lastLength;

    AbstractRecordReader(String source, Closeable input) {
        this.source = source;
        this.input = input;
    }

    /** Returns the next record, or null at the end of the input. */
    abstract RawRecord readNext() throws IOException;

    /**
     * Reads the next record and returns the task that parses it, or null at the end of the input.
     * The default parses at once.
     */
    Supplier<RawRecord> readNextDeferred() throws IOException {
        RawRecord r = readNext();
        return r == null ? null : () -> r;
    }

    /** Returns the position of a new record starting at {@code line}, counting it. */
    final SourcePosition nextPosition(long line) {
        ordinal++;
        return new SourcePosition(source, line, ordinal);
    }

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            try {
                next = readNextDeferred();
            } catch (IOException e) {
                done = true;
                throw new TriageException(ErrorCode.INPUT_UNREADABLE,
                        source + ": cannot read the input: " + e.getMessage(), e);
            }
            done = next == null;
        }
        return next != null;
    }

    @Override
    public final RawRecord next() {
        return nextDeferred().get();
    }

    @Override
    public final Supplier<RawRecord> nextDeferred() {
        if (!hasNext()) {
            throw new NoSuchElementException(source + " has no more records");
        }
        Supplier<RawRecord> r = next;
        next = null;
        return r;
    }

    @Override
    public final long lastRecordLength() {
        return lastLength;
    }

    @Override
    public boolean singleObject() {
        return false;
    }

    @Override
    public void close() {
        done = true;
        next = null;
        try {
            input.close();
        } catch (IOException e) {
            throw new TriageException(ErrorCode.INPUT_UNREADABLE,
                    source + ": cannot close the input: " + e.getMessage(), e);
        }
    }
}
