package org.helpdesktriage.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.BatchTriage;
import org.helpdesktriage.core.StoringStep;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.TriageOutcome;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.ingest.InputFormat;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.ingest.RecordReader;
import org.helpdesktriage.core.ingest.RecordReaders;
import org.helpdesktriage.core.ingest.Rejection;
import org.helpdesktriage.core.internal.io.TicketJson;
import org.helpdesktriage.core.internal.output.OutputFormat;
import org.helpdesktriage.core.internal.output.RejectWriter;
import org.helpdesktriage.core.internal.output.ResultWriter;
import org.helpdesktriage.core.model.InputLimits;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.core.store.TicketStore;
import org.helpdesktriage.store.file.DeadLetters;

/**
 * One input through the whole path a cron job takes (read, triage, write results and rejects,
 * store tickets, audit entries and dead letters), checking the invariants the fuzz tests and the
 * hostile-input tests hold every input to: no exception escapes; read = triaged + rejected; the
 * output and the rejects hold exactly the records read; no record holds more text than the
 * record limit; whatever is stored (ticket, audit line, dead letter) reads back as it was
 * written, through the same codecs the file store uses.
 */
final class InputPipeline {

    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private InputPipeline() {
    }

    /** What a run made of one input. */
    record Run(BatchTriage.Summary summary, List<JsonNode> results, List<JsonNode> rejects,
            List<Ticket> stored) {
    }

    /**
     * Limits taken from the first bytes of fuzz data, small enough that inputs a fuzzer makes
     * reach them; a short input gets the smallest.
     */
    static InputLimits limitsFrom(byte[] head) {
        int[] b = new int[6];
        for (int i = 0; i < b.length; i++) {
            b[i] = i < head.length ? head[i] & 0xFF : 0;
        }
        int record = 16 + b[0] * 16;
        return new InputLimits(record, 1 + b[1] * record / 256, 1 + b[2] * Math.min(record,
                1000) / 256, 1 + b[3] % 12, 1 + b[4] % 80, b[5] % 20,
                InputLimits.defaults().minTimestamp(), InputLimits.defaults().maxTimestamp());
    }

    /** Runs fuzz data: six bytes of limits, then the input. */
    static Run fuzz(InputFormat format, byte[] data) {
        InputLimits limits = limitsFrom(data);
        byte[] input = data.length <= 6 ? new byte[0]
                : java.util.Arrays.copyOfRange(data, 6, data.length);
        return run(format, input, limits, 1 + (data.length % 2));
    }

    /** Runs one input and checks every invariant. */
    static Run run(InputFormat format, byte[] input, InputLimits limits, int parallelism) {
        RoundTripStore store = new RoundTripStore();
        TriageEngine engine = TriageEngine.builder()
                .config(TriageConfig.defaults().withLimits(limits))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        StoringStep storing = StoringStep.builder(engine).store(store)
                .auditLog(new RoundTripAudit()).runId("FUZZ").build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream rej = new ByteArrayOutputStream();
        long maxRaw = Math.max(limits.maxRecordLength(), 203);
        BatchTriage.Summary summary;
        boolean single;
        try (RecordReader reader = RecordReaders.open(new ByteArrayInputStream(input), format,
                "fuzz", limits);
                ResultWriter results = ResultWriter.open(out, OutputFormat.JSON,
                        single = reader.singleObject(), false);
                RejectWriter rejects = new RejectWriter(rej)) {
            // one thread checks every record's size; two parse on workers, as the CLI does
            java.util.Iterator<RawRecord> records = parallelism == 1
                    ? new Checked(reader, maxRaw, limits) : reader;
            summary = BatchTriage.run(engine, storing, records,
                    outcome -> {
                        if (outcome instanceof TriageOutcome.Triaged t) {
                            results.write(t.result());
                        } else {
                            Rejection r = ((TriageOutcome.Rejected) outcome).rejection();
                            rejects.write(r);
                            deadLetterReadsBack(r);
                        }
                    }, parallelism);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(summary.read()).isEqualTo(summary.triaged() + summary.rejected());
        List<JsonNode> resultNodes = parseResults(out.toByteArray(), single);
        List<JsonNode> rejectNodes = parseLines(rej.toByteArray());
        assertThat((long) resultNodes.size()).as("results written").isEqualTo(summary.triaged());
        assertThat((long) rejectNodes.size()).as("rejects written")
                .isEqualTo(summary.rejected());
        assertThat(countRecords(format, input, limits)).as("records read again")
                .isEqualTo(summary.read());
        return new Run(summary, resultNodes, rejectNodes, store.saved);
    }

    private static void deadLetterReadsBack(Rejection r) {
        Map<String, Object> record = r.fields().isEmpty() ? Map.of("raw", r.raw()) : r.fields();
        DeadLetter letter = new DeadLetter("DL-FUZZ", NOW, "FUZZ", r.position().toString(),
                r.message(), record, 1);
        try {
            DeadLetter back = DeadLetters.parse(DeadLetters.toBytes(letter));
            assertThat(JSON.valueToTree(back.record()).toString())
                    .isEqualTo(JSON.valueToTree(letter.record()).toString());
            assertThat(back.reason()).isEqualTo(letter.reason());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> parseResults(byte[] bytes, boolean single) {
        try {
            JsonNode n = JSON.readTree(bytes);
            List<JsonNode> out = new ArrayList<>();
            if (single && n.isMissingNode()) {
                return out; // the single object was rejected: the output holds no result
            }
            if (single) {
                assertThat(n.isObject()).as("a single object's result").isTrue();
                out.add(n);
            } else {
                assertThat(n.isArray()).as("results array").isTrue();
                n.forEach(out::add);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("the results are not valid JSON", e);
        }
    }

    private static List<JsonNode> parseLines(byte[] bytes) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                try {
                    out.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("a reject line is not valid JSON: " + line, e);
                }
            }
        }
        return out;
    }

    private static long countRecords(InputFormat format, byte[] input, InputLimits limits) {
        long n = 0;
        try (RecordReader reader = RecordReaders.open(new ByteArrayInputStream(input), format,
                "again", limits)) {
            while (reader.hasNext()) {
                reader.nextDeferred();
                n++;
            }
        }
        return n;
    }

    /** Passes records on, checking that none holds more text than the limit allows. */
    private record Checked(RecordReader reader, long maxRaw, InputLimits limits)
            implements java.util.Iterator<RawRecord> {
        @Override
        public boolean hasNext() {
            return reader.hasNext();
        }

        @Override
        public RawRecord next() {
            RawRecord r = reader.next();
            assertThat((long) r.raw().length()).as("raw text of " + r.position())
                    .isLessThanOrEqualTo(maxRaw);
            assertThat(reader.lastRecordLength()).isLessThanOrEqualTo(limits.maxRecordLength());
            return r;
        }
    }

    /** Keeps each ticket as the bytes the file store would write, and reads it back. */
    static final class RoundTripStore implements TicketStore {
        final List<Ticket> saved = new ArrayList<>();

        @Override
        public synchronized void save(Ticket ticket) {
            String json = TicketJson.toPrettyJson(ticket) + "\n";
            Ticket back = TicketJson.fromJson(json.getBytes(StandardCharsets.UTF_8), "fuzz");
            assertThat(TicketJson.toJson(back)).isEqualTo(TicketJson.toJson(ticket));
            saved.add(back);
        }

        @Override
        public Optional<Ticket> get(String ticketId) {
            return Optional.empty();
        }

        @Override
        public boolean delete(String ticketId) {
            return false;
        }

        @Override
        public StoreScan scan() {
            return new StoreScan(saved, List.of());
        }

        @Override
        public void clear() {
            saved.clear();
        }
    }

    /** Writes each entry as the audit log's line and reads it back. */
    static final class RoundTripAudit implements AuditLog {
        @Override
        public void append(AuditLog.Entry entry) {
            AuditLog.Entry back = AuditJson.fromLine(AuditJson.toLine(entry));
            assertThat(back).isEqualTo(entry);
        }

        @Override
        public List<AuditLog.Entry> query(AuditLog.Query query) {
            return List.of();
        }
    }
}
