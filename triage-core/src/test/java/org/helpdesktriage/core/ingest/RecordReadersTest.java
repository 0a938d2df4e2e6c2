package org.helpdesktriage.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.junit.jupiter.api.Test;

/** Reads records of each format; its helpers serve the normaliser's tests too. */
public class RecordReadersTest {

    static Path fixture(String name) {
        try {
            return Path.of(RecordReadersTest.class.getResource("/ingest/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns every record of {@code reader}, closing it. */
    public static List<RawRecord> readAll(RecordReader reader) {
        List<RawRecord> records = new ArrayList<>();
        try (reader) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    /** Returns a reader of {@code text} in {@code format}, named "test". */
    public static RecordReader open(String text, InputFormat format) {
        return RecordReaders.open(stream(text), format, "test");
    }

    static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void json_singleObject_isOneRecordAndSingleObject() {
        try (RecordReader reader = RecordReaders.open(fixture("ticket-single.json"))) {
            assertThat(reader.format()).isEqualTo(InputFormat.JSON);
            assertThat(reader.singleObject()).isTrue();
            RawRecord r = reader.next();
            assertThat(r.fields()).containsEntry("ticket_id", "TKT-1")
                    .containsEntry("priority", 3L)
                    .containsEntry("tags", List.of("x", "y"))
                    .containsEntry("metadata", Map.of("source", "web"));
            assertThat(r.position()).isEqualTo(new SourcePosition(
                    fixture("ticket-single.json").toString(), 1, 1));
            assertThat(r.raw()).startsWith("{\n  \"ticket_id\": \"TKT-1\",")
                    .endsWith("\"metadata\": {\"source\": \"web\"}\n}");
            assertThat(reader.hasNext()).isFalse();
        }
    }

    @Test
    void json_array_readsElementsWithTypedValuesAndLines() {
        List<RawRecord> records = readAll(RecordReaders.open(fixture("tickets-array.json")));
        assertThat(records).extracting(r -> r.position().line()).containsExactly(2L, 3L, 4L);
        assertThat(records).extracting(r -> r.position().record()).containsExactly(1L, 2L, 3L);
        assertThat(records.get(0).error()).isEmpty();
        assertThat(records.get(0).raw()).isEqualTo("{\"ticket_id\": \"TKT-1\", \"title\": \"One\","
                + " \"description\": \"d1\", \"requester_email\": \"a@example.com\"}");
        assertThat(records.get(2).raw()).startsWith("{\n    \"ticket_id\": \"TKT-3\",")
                .endsWith("\"none\": null\n  }");
        assertThat(records.get(1).error()).contains("record is not a JSON object");
        assertThat(records.get(1).raw()).isEqualTo("\"not an object\"");
        Map<String, Object> third = records.get(2).fields();
        assertThat(third.get("score")).isEqualTo(0.5);
        assertThat(third.get("big")).isEqualTo(12345678901234L);
        assertThat(third.get("ok")).isEqualTo(Boolean.TRUE);
        assertThat(third).containsKey("none");
        assertThat(third.get("none")).isNull();
        assertThat(third.keySet()).containsExactly(
                "ticket_id", "title", "score", "ratio", "big", "ok", "none");
    }

    @Test
    void json_array_isNotSingleObject() {
        try (RecordReader reader = open("[{\"a\": 1}]", InputFormat.JSON)) {
            assertThat(reader.singleObject()).isFalse();
        }
    }

    @Test
    void json_emptyArray_hasNoRecords() {
        try (RecordReader reader = open(" [ ] ", InputFormat.JSON)) {
            assertThat(reader.hasNext()).isFalse();
            assertThat(reader.singleObject()).isFalse();
        }
    }

    @Test
    void json_topLevelScalar_isNotAnObject() {
        assertThat(readAll(open("42", InputFormat.JSON))).singleElement()
                .extracting(RawRecord::parseError).isEqualTo("record is not a JSON object");
    }

    @Test
    void json_severalTopLevelObjects_areReadInTurnAndNotSingle() {
        try (RecordReader reader = open("{\"a\": 1}\n{\"a\": 2}", InputFormat.JSON)) {
            assertThat(reader.singleObject()).isFalse();
            assertThat(readAll(reader)).extracting(r -> r.fields().get("a"))
                    .containsExactly(1L, 2L);
        }
    }

    @Test
    void json_syntaxErrorInsideElement_rejectsThatElementOnly() {
        List<RawRecord> records =
                readAll(RecordReaders.open(fixture("tickets-malformed-array.json")));
        assertThat(records).hasSize(3);
        assertThat(records.get(0).error()).isEmpty();
        assertThat(records.get(1).position().line()).isEqualTo(3);
        assertThat(records.get(1).raw()).isEqualTo(
                "{\"ticket_id\": \"TKT-2\", \"title\": \"Two\",,}");
        assertThat(records.get(1).error()).hasValue("malformed JSON at line 3 column 41: "
                + "Unexpected character (',' (code 44)): was expecting double-quote to start "
                + "field name");
    }

    @Test
    void json_missingCommaBetweenElements_endsWithOneUnparseableRecordAtItsLine() {
        List<RawRecord> records =
                readAll(RecordReaders.open(fixture("tickets-malformed-array.json")));
        assertThat(records.get(2).position().line()).isEqualTo(4);
        assertThat(records.get(2).error()).hasValueSatisfying(e -> assertThat(e)
                .startsWith("malformed JSON at line 4 column 3: expected ',' or ']'")
                .endsWith("; the rest of the input cannot be read"));
    }

    @Test
    void json_garbageAfterSingleObject_isNotSingleAndReportsError() {
        try (RecordReader reader = open("{\"a\": 1} }", InputFormat.JSON)) {
            assertThat(reader.singleObject()).isFalse();
            List<RawRecord> records = readAll(reader);
            assertThat(records).hasSize(2);
            assertThat(records.get(1).error()).hasValueSatisfying(
                    e -> assertThat(e).startsWith("malformed JSON"));
        }
    }

    @Test
    void jsonl_badLineInMiddle_isOneRecordAndReadingContinues() {
        List<RawRecord> records = readAll(RecordReaders.open(fixture("tickets-bad-line.jsonl")));
        assertThat(records).extracting(r -> r.position().line())
                .containsExactly(1L, 4L, 5L, 6L, 7L);
        assertThat(records).extracting(r -> r.position().record())
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(records.get(0).error()).isEmpty();
        assertThat(records.get(1).error()).hasValueSatisfying(
                e -> assertThat(e).startsWith("malformed JSON at column"));
        assertThat(records.get(1).raw()).isEqualTo("{\"ticket_id\": oops}");
        assertThat(records.get(2).error()).contains("record is not a JSON object");
        assertThat(records.get(3).fields()).containsEntry("n", 42L);
        assertThat(records.get(3).raw()).isEqualTo("{\"ticket_id\":\"TKT-4\",\"n\":42}");
        assertThat(records.get(4).error()).hasValueSatisfying(
                e -> assertThat(e).startsWith("malformed JSON at column 17"));
    }

    @Test
    void jsonl_secondObjectOnOneLine_isMalformed() {
        assertThat(readAll(open("{\"a\":1} {\"b\":2}", InputFormat.JSONL)))
                .singleElement().extracting(RawRecord::parseError).asString()
                .isEqualTo("malformed JSON: unexpected content at column 9 after the object");
    }

    @Test
    void jsonl_crlfLineEndings_areHandled() {
        List<RawRecord> records = readAll(open("{\"a\":1}\r\n{\"a\":2}\r\n", InputFormat.JSONL));
        assertThat(records).extracting(RawRecord::raw)
                .containsExactly("{\"a\":1}", "{\"a\":2}");
    }

    @Test
    void csv_headerNormalised_numericIdStaysText_multiLineCellKept() {
        List<RawRecord> records =
                readAll(RecordReaders.open(fixture("tickets-header-spaces.csv")));
        assertThat(records).hasSize(4);
        RawRecord first = records.get(0);
        assertThat(first.fields().keySet())
                .containsExactly("ticket_id", "subject", "body", "email");
        assertThat(first.fields()).containsEntry("ticket_id", "123")
                .containsEntry("body", "Line one\nline two");
        assertThat(first.raw()).isEqualTo("123,Login,\"Line one\nline two\",a@example.com");
        assertThat(records.get(1).fields()).containsEntry("body", "Says \"hi\", then");
        assertThat(records.get(1).raw()).isEqualTo(
                "124,Bill,\"Says \"\"hi\"\", then\",b@example.com");
    }

    @Test
    void csv_lineNumbers_countHeaderMultiLineCellsAndBlankLines() {
        List<RawRecord> records =
                readAll(RecordReaders.open(fixture("tickets-header-spaces.csv")));
        assertThat(records).extracting(r -> r.position().line())
                .containsExactly(2L, 5L, 6L, 7L);
        assertThat(records).extracting(r -> r.position().record())
                .containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void csv_rowWithMoreCellsThanHeader_isParseErrorForThatRow() {
        List<RawRecord> records =
                readAll(RecordReaders.open(fixture("tickets-header-spaces.csv")));
        assertThat(records.get(2).error()).contains("the row has 5 cells but the header has 4");
        assertThat(records.get(2).raw()).isEqualTo("125,Too,many,cells,here");
        assertThat(records.get(3).error()).isEmpty();
        assertThat(records.get(3).fields()).containsOnlyKeys("ticket_id", "subject");
    }

    @Test
    void csv_byteOrderMark_isSkipped() {
        List<RawRecord> records = readAll(RecordReaders.open(fixture("tickets-bom.csv")));
        assertThat(records).singleElement().extracting(RawRecord::fields)
                .isEqualTo(Map.of("ticket_id", "TKT-1", "title", "With BOM"));
    }

    @Test
    void csv_unclosedQuote_endsWithOneUnparseableRecord() {
        List<RawRecord> records =
                readAll(RecordReaders.open(fixture("tickets-unclosed-quote.csv")));
        assertThat(records).hasSize(2);
        assertThat(records.get(0).fields()).containsEntry("title", "Fine");
        assertThat(records.get(1).error()).hasValueSatisfying(e -> assertThat(e)
                .startsWith("malformed CSV: ")
                .endsWith("; the rest of the input cannot be read"));
    }

    @Test
    void csv_whitespaceOnlyLine_isSkipped() {
        assertThat(readAll(open("ticket_id,title\n   \nTKT-1,x\n", InputFormat.CSV)))
                .singleElement().extracting(r -> r.position().line()).isEqualTo(3L);
    }

    @Test
    void csv_headerOnly_hasNoRecords() {
        assertThat(readAll(open("ticket_id,title\n", InputFormat.CSV))).isEmpty();
    }

    @Test
    void text_repeatedDescriptionJoined_blankLinesSeparate_colonlessLineRejectsRecord() {
        List<RawRecord> records =
                readAll(RecordReaders.open(fixture("tickets-repeated-description.txt")));
        assertThat(records).hasSize(3);
        assertThat(records.get(0).fields()).containsEntry("ticket_id", "TKT-1")
                .containsEntry("subject", "First: with colon")
                .containsEntry("description", "line one\nline two");
        assertThat(records.get(0).raw()).startsWith("ticket_id: TKT-1\nSubject: First");
        assertThat(records.get(1).error()).contains(
                "line 12 'this line has no colon' is not a 'key: value' line");
        assertThat(records.get(1).raw()).contains("email: b@example.com");
        assertThat(records.get(2).fields()).containsEntry("title", "Third");
    }

    @Test
    void text_lineNumbers_areFirstLineOfEachTicket() {
        List<RawRecord> records =
                readAll(RecordReaders.open(fixture("tickets-repeated-description.txt")));
        assertThat(records).extracting(r -> r.position().line()).containsExactly(3L, 10L, 15L);
        assertThat(records).extracting(r -> r.position().record()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void open_path_detectsFormatFromExtension() {
        try (RecordReader reader = RecordReaders.open(fixture("tickets-bad-line.jsonl"))) {
            assertThat(reader.format()).isEqualTo(InputFormat.JSONL);
        }
    }

    @Test
    void open_stream_sniffsContentAndStillReadsFirstRecord() {
        try (RecordReader reader = RecordReaders.open(
                stream("ticket_id,title\nTKT-1,Hello\n"), "<stdin>")) {
            assertThat(reader.format()).isEqualTo(InputFormat.CSV);
            assertThat(reader.next().fields()).containsEntry("ticket_id", "TKT-1");
        }
    }

    @Test
    void open_stream_sniffsJsonLinesFromSecondLine() {
        try (RecordReader reader = RecordReaders.open(stream("{\"a\":1}\n{\"a\":2}\n"), "-")) {
            assertThat(reader.format()).isEqualTo(InputFormat.JSONL);
            assertThat(readAll(reader)).hasSize(2);
        }
    }

    @Test
    void open_pathWithNoKnownFormat_isUnreadable() {
        assertThatThrownBy(() -> RecordReaders.open(fixture("tickets-no-format.dat")))
                .isInstanceOf(TriageException.class)
                .hasMessageContaining("tickets-no-format.dat: cannot tell the input format")
                .hasMessageContaining("use --format json|jsonl|csv|text")
                .extracting(e -> ((TriageException) e).code())
                .isEqualTo(ErrorCode.INPUT_UNREADABLE);
    }

    @Test
    void open_missingFile_isUnreadable() {
        assertThatThrownBy(() -> RecordReaders.open(Path.of("no-such-file.json")))
                .isInstanceOf(TriageException.class)
                .hasMessage("no-such-file.json: the file does not exist");
    }

    @Test
    void next_afterEnd_throws() {
        RecordReader reader = open("", InputFormat.JSONL);
        assertThat(reader.hasNext()).isFalse();
        assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
        reader.close();
    }
}
