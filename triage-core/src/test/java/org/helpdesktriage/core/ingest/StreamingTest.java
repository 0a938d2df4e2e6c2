package org.helpdesktriage.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.LongFunction;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.internal.config.IngestConfig;
import org.helpdesktriage.core.internal.ingest.Ingested;
import org.helpdesktriage.core.internal.ingest.TicketNormalizer;
import org.junit.jupiter.api.Test;

/**
 * Reads inputs far larger than any buffer, produced on the fly, so a reader that held records
 * or the input would show up as an out-of-memory failure rather than pass.
 */
class StreamingTest {

    private static final int RECORDS = 200_000;

    /** An input stream that makes its bytes as they are read: a prefix, records, a suffix. */
    private static final class GeneratedInput extends InputStream {
        private final LongFunction<String> record;
        private final long count;
        private final byte[] suffix;
        private byte[] current;
        private int pos;
        private long next;
        private boolean suffixDone;

        GeneratedInput(String prefix, LongFunction<String> record, long count, String suffix) {
            this.record = record;
            this.count = count;
            this.current = prefix.getBytes(StandardCharsets.UTF_8);
            this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
        }

        private boolean fill() {
            while (pos >= current.length) {
                if (next < count) {
                    current = record.apply(next++).getBytes(StandardCharsets.UTF_8);
                } else if (!suffixDone) {
                    current = suffix;
                    suffixDone = true;
                } else {
                    return false;
                }
                pos = 0;
            }
            return true;
        }

        @Override
        public int read() {
            return fill() ? current[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    private static String ticket(long i) {
        return "{\"ticket_id\":\"TKT-" + i + "\",\"title\":\"Printer " + i
                + " is down\",\"description\":\"It shows error " + i
                + ".\",\"requester_email\":\"user" + i + "@example.com\",\"priority\":\"high\","
                + "\"tags\":[\"printer\",\"floor-" + (i % 7) + "\"]}";
    }

    @Test
    void jsonl_200kGeneratedRecords_streamThroughReaderAndNormalizer() {
        TicketNormalizer normalizer = new TicketNormalizer(IngestConfig.settings(TriageConfig.defaults()),
                Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC));
        long accepted = 0;
        long lastLine = 0;
        try (RecordReader reader = RecordReaders.open(
                new GeneratedInput("", i -> ticket(i) + "\n", RECORDS, ""), "<generated>")) {
            assertThat(reader.format()).isEqualTo(InputFormat.JSONL);
            while (reader.hasNext()) {
                RawRecord r = reader.next();
                lastLine = r.position().line();
                if (normalizer.normalize(r) instanceof Ingested.Accepted) {
                    accepted++;
                }
            }
        }
        assertThat(accepted).isEqualTo(RECORDS);
        assertThat(lastLine).isEqualTo(RECORDS);
    }

    @Test
    void jsonArray_200kGeneratedElements_streamThroughReader() {
        long count = 0;
        try (RecordReader reader = RecordReaders.open(new GeneratedInput("[\n",
                i -> (i == 0 ? "" : ",\n") + ticket(i), RECORDS, "\n]\n"),
                InputFormat.JSON, "<generated>")) {
            while (reader.hasNext()) {
                assertThat(reader.next().error()).isEmpty();
                count++;
            }
        }
        assertThat(count).isEqualTo(RECORDS);
    }

    @Test
    void csv_200kGeneratedRows_streamThroughReader() {
        long count = 0;
        try (RecordReader reader = RecordReaders.open(new GeneratedInput(
                "ticket_id,title,description,requester_email\n",
                i -> "TKT-" + i + ",Title " + i + ",\"Body, " + i + "\",u" + i + "@example.com\n",
                RECORDS, ""), "<generated>")) {
            assertThat(reader.format()).isEqualTo(InputFormat.CSV);
            while (reader.hasNext()) {
                reader.next();
                count++;
            }
        }
        assertThat(count).isEqualTo(RECORDS);
    }
}
