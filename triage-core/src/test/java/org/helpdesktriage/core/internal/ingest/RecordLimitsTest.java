package org.helpdesktriage.core.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.ingest.InputFormat;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.ingest.RecordReader;
import org.helpdesktriage.core.ingest.RecordReaders;
import org.helpdesktriage.core.internal.config.IngestConfig;
import org.helpdesktriage.core.model.FieldError;
import org.helpdesktriage.core.model.InputLimits;
import org.junit.jupiter.api.Test;

/** Every reader and the normaliser apply the same limits, and reading goes on past them. */
class RecordLimitsTest {

    private static final InputLimits SMALL = InputLimits.defaults().withMaxRecordLength(300);
    private static final String GOOD = "{\"ticket_id\":\"TKT-1\",\"title\":\"t\","
            + "\"description\":\"d\",\"requester_email\":\"a@example.com\"}";

    static List<RawRecord> read(String text, InputFormat format, InputLimits limits) {
        List<RawRecord> out = new ArrayList<>();
        try (RecordReader r = RecordReaders.open(new ByteArrayInputStream(
                text.getBytes(StandardCharsets.UTF_8)), format, "t", limits)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void overlongRecord_isSkippedAndReadingGoesOn_inEveryFormat() {
        String big = "x".repeat(1000);
        Map<InputFormat, String> inputs = Map.of(
                InputFormat.JSONL, GOOD + "\n{\"description\":\"" + big + "\"}\n" + GOOD + "\n",
                InputFormat.JSON, "[" + GOOD + ",{\"description\":\"" + big + "\"}," + GOOD + "]",
                InputFormat.CSV, "ticket_id,title\nTKT-1,t\nTKT-2,\"" + big + "\"\nTKT-3,t\n",
                InputFormat.TEXT, "id: TKT-1\n\nid: TKT-2\nbody: " + big + "\n\nid: TKT-3\n");
        inputs.forEach((format, text) -> {
            List<RawRecord> records = read(text, format, SMALL);
            assertThat(records).as(format.id()).hasSize(3);
            assertThat(records.get(0).error()).as(format.id()).isEmpty();
            assertThat(records.get(1).parseError()).as(format.id())
                    .contains("over the limit of 300 (max_record_length); it was skipped");
            assertThat(records.get(1).raw().length()).isLessThanOrEqualTo(203);
            assertThat(records.get(2).error()).as(format.id()).isEmpty();
        });
    }

    @Test
    void overlongCsvRow_cutInsideASurrogatePair_keepsValidText() {
        // found by InputFuzzTest#csv: the limit fell between the two halves of one character,
        // so the rejected row's text held a lone high surrogate that UTF-8 cannot write
        for (int pad = 0; pad < 4; pad++) {
            String row = "TKT-2," + "x".repeat(88 + pad) + "\uD83D\uDE00".repeat(10) + ",b";
            List<RawRecord> records = read("ticket_id,title,c\n" + row + "\nTKT-3,t,c\n",
                    InputFormat.CSV, InputLimits.defaults().withMaxRecordLength(100));
            assertThat(records).hasSize(2);
            String raw = records.get(0).raw();
            for (int i = 0; i < raw.length(); i++) {
                char ch = raw.charAt(i);
                assertThat(Character.isHighSurrogate(ch)
                        ? i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))
                        : !Character.isLowSurrogate(ch) || Character.isHighSurrogate(
                                raw.charAt(i - 1))).as("char %d of %s", i, raw).isTrue();
            }
            assertThat(records.get(1).error()).isEmpty();
        }
    }

    @Test
    void deepNestingAndManyKeys_areRefusedWhileParsingNamingTheLimit() {
        InputLimits limits = new InputLimits(10_000, 1000, 100, 4, 5, 10,
                InputLimits.defaults().minTimestamp(), InputLimits.defaults().maxTimestamp());
        List<RawRecord> records = read("{\"a\":[[[[1]]]]}\n{\"a\":1,\"b\":2,\"c\":3,\"d\":4,"
                + "\"e\":5,\"f\":6}\n{\"" + "k".repeat(101) + "\":1}\n", InputFormat.JSONL,
                limits);
        assertThat(records).extracting(RawRecord::parseError).containsExactly(
                "the record breaks a limit at '/a/0/0/0': objects and lists nest deeper than 4"
                        + " levels (max_nesting_depth)",
                "the record breaks a limit at '/f': the record has more than 5 keys"
                        + " (max_keys)",
                "the record breaks a limit at the top: a key is longer than 100 characters"
                        + " (max_key_length)");
    }

    @Test
    void normaliser_namesTheFieldOfEachValueLimit() {
        TicketNormalizer n = new TicketNormalizer(IngestConfig.settings(TriageConfig.defaults()
                .withLimits(new InputLimits(10_000, 50, 100, 20, 100, 2,
                        Instant.parse("2000-01-01T00:00:00Z"),
                        Instant.parse("2100-01-01T00:00:00Z")))),
                Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC));
        Ingested out = n.normalize(RecordReaders.readFields(Map.of("ticket_id", "TKT-1",
                "title", "t", "description", "d", "requester_email", "a@example.com",
                "tags", List.of("a", "b", "c"), "created_at", "1999-12-31T23:59:59Z",
                "extra", Map.of("note", "n".repeat(51))), "f"));
        assertThat(out).isInstanceOf(Ingested.Rejected.class);
        assertThat(((Ingested.Rejected) out).rejection().errors())
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("extra.note", "created_at", "tags");
    }

    @Test
    void invalidUtf8_isNotedNamingTheField() {
        byte[] bytes = (GOOD.replace("\"t\"", "\"t?\"") + "\n").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '?') {
                bytes[i] = (byte) 0xC3; // a lead byte with no continuation
            }
        }
        try (RecordReader r = RecordReaders.open(new ByteArrayInputStream(bytes),
                InputFormat.JSONL, "t")) {
            RawRecord record = r.next();
            assertThat(record.fields().get("title")).isEqualTo("t\uFFFD");
            assertThat(record.notes()).containsExactly(
                    "invalid UTF-8 read as U+FFFD in field 'title'");
        }
    }
}
