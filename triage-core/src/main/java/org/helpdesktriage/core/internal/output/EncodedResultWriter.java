package org.helpdesktriage.core.internal.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.helpdesktriage.core.TriageResult;

/**
 * The base of the writers whose results are JSON objects, encoded by {@link #render} on any
 * thread (one generator per thread) and written as bytes in order.
 */
abstract class EncodedResultWriter extends ResultWriter {

    private static final JsonFactory JSON = new ObjectMapper().getFactory();
    private static final ThreadLocal<Encoder> ENCODER = ThreadLocal.withInitial(Encoder::new);

    @Override
    public final void write(TriageResult result) {
        write(render(result));
    }

    @Override
    public final Rendered render(TriageResult result) {
        return ENCODER.get().encode(Objects.requireNonNull(result, "result"));
    }

    @Override
    public abstract void write(Rendered rendered);

    /** Returns the JSON bytes of a rendered result, encoding it now if it was not. */
    static byte[] bytesOf(Rendered rendered) {
        return rendered.bytes != null ? rendered.bytes : ENCODER.get().encode(rendered.result).bytes;
    }

    /** Encodes results as compact JSON objects into a reused buffer. */
    private static final class Encoder {
        private final ByteArrayBuilder buffer = new ByteArrayBuilder(2048);
        private final JsonGenerator g;

        Encoder() {
            try {
                g = JSON.createGenerator(buffer, JsonEncoding.UTF8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            g.setPrettyPrinter(new MinimalPrettyPrinter(""));
        }

        Rendered encode(TriageResult result) {
            try {
                ResultJson.writeResult(g, result);
                g.flush();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            byte[] bytes = buffer.toByteArray();
            buffer.reset();
            return new Rendered(result, bytes);
        }
    }

    /** Flushes on close but leaves the caller's stream open, as the contract says. */
    static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
