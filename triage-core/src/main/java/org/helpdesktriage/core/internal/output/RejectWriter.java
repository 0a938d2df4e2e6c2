package org.helpdesktriage.core.internal.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.helpdesktriage.core.ingest.Rejection;

/**
 * Writes rejections as JSON Lines: one object per rejected record, with its source, line,
 * record number, every error by field, and the raw record.
 */
public final class RejectWriter implements Closeable {

    private final JsonGenerator g;
    private long count;

    /** Opens a writer on {@code out}, which is left open on close. */
    public RejectWriter(OutputStream out) {
        try {
            this.g = new ObjectMapper().getFactory().createGenerator(out, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setPrettyPrinter(new MinimalPrettyPrinter(""));
    }

    /** Writes one rejection. */
    public void write(Rejection rejection) {
        try {
            ResultJson.writeRejection(g, rejection);
            g.writeRaw('\n');
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns how many rejections were written. */
    public long count() {
        return count;
    }

    @Override
    public void close() throws IOException {
        g.close();
    }
}
