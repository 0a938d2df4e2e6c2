package org.helpdesktriage.core.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * A reader that keeps the characters read since a mark, so the JSON reader can hand out each
 * element's text as the input spelled it instead of rendering it again. Only the text from the
 * current element's start onwards is kept: memory stays at one element plus the parser's
 * read-ahead.
 */
final class RecordingReader extends Reader {

    private final Reader in;
    private final StringBuilder window = new StringBuilder(8192);
    /** The offset in the input of the window's first character. */
    private long windowStart;

    RecordingReader(Reader in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            window.append(buffer, offset, n);
        }
        return n;
    }

    /** Forgets the text before input offset {@code from}. */
    void discardBefore(long from) {
        int cut = (int) Math.min(window.length(), Math.max(0, from - windowStart));
        if (cut > 0) {
            window.delete(0, cut);
            windowStart += cut;
        }
    }

    /** Returns the text between two input offsets, or null when it is no longer kept. */
    String text(long from, long to) {
        long start = from - windowStart;
        long end = to - windowStart;
        if (start < 0 || end > window.length() || start > end) {
            return null;
        }
        return window.substring((int) start, (int) end);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
