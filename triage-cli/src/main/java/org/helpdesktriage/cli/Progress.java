package org.helpdesktriage.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;

/**
 * A one-line progress bar on standard error for long runs: records, records per second, the
 * percent of the input's bytes read and the time left. It is drawn only when standard error is
 * a terminal, from the second second of a run on, at most four times a second, and erased at
 * the end, so short runs and redirected output never see it. Drawn on the thread that delivers
 * outcomes; the clock is the environment's, never --now's.
 */
class Progress {

    /** Draws nothing. */
    static final Progress NONE = new Progress();

    private Progress() {
    }

    /**
     * Returns a progress bar for an input of {@code totalBytes} (0 or less when unknown) whose
     * bytes read so far {@code counter} counts, or {@link #NONE} when {@code show} is false.
     */
    static Progress of(boolean show, PrintWriter err, Clock clock, long totalBytes,
            ByteCounter counter) {
        return show ? new Drawn(err, clock, totalBytes, counter) : NONE;
    }

    /** Counts one record delivered. */
    void record() {
        // nothing to draw
    }

    /** Erases the bar, if it was drawn. */
    void finish() {
        // nothing drawn
    }

    /** Counts the bytes read through it. */
    static final class ByteCounter extends FilterInputStream {
        private volatile long count;

        ByteCounter(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    private static final class Drawn extends Progress {
        private static final long FIRST_DRAW_MS = 1000;
        private static final long REDRAW_MS = 250;

        private final PrintWriter err;
        private final Clock clock;
        private final long totalBytes;
        private final ByteCounter counter;
        private final long start;
        private long records;
        private long lastDraw;
        private int width;

        Drawn(PrintWriter err, Clock clock, long totalBytes, ByteCounter counter) {
            this.err = err;
            this.clock = clock;
            this.totalBytes = totalBytes;
            this.counter = counter;
            this.start = clock.millis();
            this.lastDraw = start;
        }

        @Override
        void record() {
            records++;
            long now = clock.millis();
            if (now - start >= FIRST_DRAW_MS && now - lastDraw >= REDRAW_MS) {
                lastDraw = now;
                draw(now - start);
            }
        }

        private void draw(long elapsedMs) {
            double seconds = elapsedMs / 1000.0;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "%,d records, %,.0f records/s", records, records / seconds));
            long read = counter.count();
            if (totalBytes > 0 && read > 0) {
                double fraction = Math.min(1.0, (double) read / totalBytes);
                long etaSeconds = Math.round(seconds * (1 - fraction) / fraction);
                line.append(String.format(Locale.ROOT, ", %.0f%% of input, ETA %d:%02d",
                        fraction * 100, etaSeconds / 60, etaSeconds % 60));
            }
            String text = line.toString();
            err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
            err.flush();
            width = text.length();
        }

        @Override
        void finish() {
            if (width > 0) {
                err.print("\r" + " ".repeat(width) + "\r");
                err.flush();
            }
        }
    }
}
