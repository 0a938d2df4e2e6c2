package org.helpdesktriage.core.internal.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes {@link OutputFormat#JSON}: an array with one result per line, so large outputs stay
 * readable with line tools, or a single result object.
 */
final class JsonResultWriter extends EncodedResultWriter {

    private static final byte[] NEWLINE = {'\n'};
    private static final byte[] COMMA_NEWLINE = {',', '\n'};
    private static final byte[] CLOSE = {']'};
    private static final byte[] NEWLINE_CLOSE = {'\n', ']'};

    private final OutputStream out;
    private final boolean singleObject;
    private int count;

    JsonResultWriter(OutputStream out, boolean singleObject) throws IOException {
        this.out = new BufferedOutputStream(new NonClosing(out), 1 << 16);
        this.singleObject = singleObject;
        if (!singleObject) {
            this.out.write('[');
        }
    }

    @Override
    public void write(Rendered rendered) {
        if (singleObject && count > 0) {
            throw new IllegalStateException("a single-object output holds one result");
        }
        try {
            if (!singleObject) {
                out.write(count == 0 ? NEWLINE : COMMA_NEWLINE);
            }
            out.write(bytesOf(rendered));
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (!singleObject) {
            out.write(count == 0 ? CLOSE : NEWLINE_CLOSE);
        }
        out.write('\n');
        out.close();
    }
}
