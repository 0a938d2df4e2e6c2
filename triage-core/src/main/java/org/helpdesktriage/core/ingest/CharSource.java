package org.helpdesktriage.core.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The characters of a UTF-8 input, decoded one buffer at a time, with the line number of the
 * next character. Every reader scans its records from one: memory stays at two buffers whatever
 * the input, and a record too long to keep is scanned to its end without being held.
 *
 * <p>Invalid UTF-8 is not replaced silently: each bad sequence reads as U+FFFD and raises a flag
 * that {@link #takeMalformed()} returns, so a reader can name the record (and the field) it fell
 * in. Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}, as Jackson counts them.
 */
final class CharSource implements Closeable {

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    private final CharBuffer chars = CharBuffer.allocate(BUFFER);
    private final char[] buf = chars.array();
    private int pos;
    private int limit;
    /** Buffer indices of replacement characters for bad bytes, ascending; {@code -1} ends it. */
    private int[] bad = new int[16];
    private int badCount;
    private int badNext;
    private boolean eof;
    private boolean malformed;
    private long line = 1;
    private boolean afterCr;

    CharSource(InputStream in) {
        this.in = in;
        bytes.flip();
    }

    /** Returns the line of the next character, 1-based. */
    long line() {
        return line;
    }

    /** Returns the next character without consuming it, or -1 at the end of the input. */
    int peek() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos];
    }

    /** Returns and consumes the next character, or -1 at the end of the input. */
    int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        if (badNext < badCount && bad[badNext] == pos) {
            badNext++;
            malformed = true;
        }
        char c = buf[pos++];
        if (c == '\n') {
            if (!afterCr) {
                line++;
            }
            afterCr = false;
        } else if (c == '\r') {
            line++;
            afterCr = true;
        } else {
            afterCr = false;
        }
        return c;
    }

    /** Returns whether invalid UTF-8 was read since the last call, and clears the flag. */
    boolean takeMalformed() {
        boolean m = malformed;
        malformed = false;
        return m;
    }

    /**
     * Reads one line (without its terminator) into {@code line}, keeping at most {@code max}
     * characters of it; the rest is read and dropped.
     *
     * @return the line's full length, or -1 at the end of the input
     */
    long readLine(StringBuilder into, int max) throws IOException {
        int c = read();
        if (c < 0) {
            return -1;
        }
        long length = 0;
        while (c >= 0 && c != '\n' && c != '\r') {
            if (length < max && !(length == max - 1 && Character.isHighSurrogate((char) c))) {
                into.append((char) c);
            }
            length++;
            c = read();
        }
        if (c == '\r' && peek() == '\n') {
            read();
        }
        return length;
    }

    private boolean fill() throws IOException {
        if (eof && !bytes.hasRemaining()) {
            return false;
        }
        chars.clear();
        badCount = 0;
        badNext = 0;
        while (true) {
            CoderResult r = decoder.decode(bytes, chars, eof);
            if (r.isError()) {
                if (!chars.hasRemaining()) {
                    break;
                }
                bytes.position(bytes.position() + r.length());
                markBad(chars.position());
                chars.put('\uFFFD');
                continue;
            }
            if (r.isOverflow() || chars.position() > 0 && !eof) {
                break;
            }
            if (eof) {
                decoder.flush(chars);
                break;
            }
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
        pos = 0;
        limit = chars.position();
        return limit > 0;
    }

    private void markBad(int index) {
        if (badCount == bad.length) {
            bad = java.util.Arrays.copyOf(bad, bad.length * 2);
        }
        bad[badCount++] = index;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
