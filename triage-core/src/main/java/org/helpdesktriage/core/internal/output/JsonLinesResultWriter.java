package org.helpdesktriage.core.internal.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Writes {@link OutputFormat#JSONL}: one result object per line. */
final class JsonLinesResultWriter extends EncodedResultWriter {

    private final OutputStream out;

    JsonLinesResultWriter(OutputStream out) {
        this.out = new BufferedOutputStream(new NonClosing(out), 1 << 16);
    }

    @Override
    public void write(Rendered rendered) {
        try {
            out.write(bytesOf(rendered));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
