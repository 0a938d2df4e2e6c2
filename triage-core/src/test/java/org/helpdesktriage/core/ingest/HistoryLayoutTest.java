package org.helpdesktriage.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryLayoutTest {

    private static final SourcePosition POS = new SourcePosition("history.csv", 4, 3);

    private static Map<String, Object> split(String text) {
        Map<String, Object> fields = new LinkedHashMap<>();
        HistoryLayout.split(text, fields);
        return fields;
    }

    private static RawRecord record(Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return RawRecord.of(POS, fields, "raw");
    }

    @Test
    void split_firstTenWordsAreTheTitle_theRestTheDescription() {
        Map<String, Object> f = split("  one two three four five six seven eight nine ten"
                + "   eleven  twelve ");
        assertThat(f).containsEntry("title", "one two three four five six seven eight nine ten")
                .containsEntry("description", "eleven  twelve");
    }

    @Test
    void split_shortText_isTitleAndDescription() {
        assertThat(split("printer jammed")).containsEntry("title", "printer jammed")
                .containsEntry("description", "printer jammed");
    }

    @Test
    void split_titleStopsBeforeTheWordThatWouldPassTheLimit() {
        String sixty = "a".repeat(60);
        Map<String, Object> f = split(sixty + " " + sixty + " tail");
        assertThat(f).containsEntry("title", sixty).containsEntry("description", sixty + " tail");
    }

    @Test
    void split_firstWordLongerThanATitle_staysWholeInTheDescription() {
        String long1 = "x".repeat(130);
        Map<String, Object> f = split(long1 + " tail");
        assertThat(f).containsEntry("title", "x".repeat(120))
                .containsEntry("description", long1 + " tail");
    }

    @Test
    void shape_textAndLabelColumns_becomeATicketRecordAndItsLabel() {
        HistoryLayout.Shaped s = new HistoryLayout("Document", "Topic group").shape(
                record("Document", "printer jammed again", "Topic Group", "Hardware"), false);
        assertThat(s.label()).isEqualTo("Hardware");
        assertThat(s.record().fields()).containsEntry("title", "printer jammed again")
                .containsEntry("ticket_id", "HISTORY-3")
                .containsEntry("requester_email", HistoryLayout.PLACEHOLDER_EMAIL)
                .doesNotContainKeys("Document", "Topic Group");
    }

    @Test
    void shape_emptyBody_takesTheTitleWhenFilling() {
        HistoryLayout.Shaped s = new HistoryLayout(null, "label").shape(
                record("subject", "App crashes on start", "body", "  ", "label", "bug"), true);
        assertThat(s.filled()).isEqualTo("description");
        assertThat(s.record().fields()).containsEntry("body", "App crashes on start");
    }

    @Test
    void shape_emptyTitle_takesTheDescriptionsFirstWords() {
        HistoryLayout.Shaped s = new HistoryLayout(null, "label").shape(
                record("title", "", "description", "the VPN drops every hour", "label", "x"),
                true);
        assertThat(s.filled()).isEqualTo("title");
        assertThat(s.record().fields()).containsEntry("title", "the VPN drops every hour");
    }

    @Test
    void shape_withoutFilling_leavesAnEmptyBodyForTheNormaliserToRefuse() {
        HistoryLayout.Shaped s = new HistoryLayout(null, "label").shape(
                record("title", "App crashes", "body", "", "label", "bug"), false);
        assertThat(s.filled()).isNull();
        assertThat(s.record().fields()).containsEntry("body", "");
    }

    @Test
    void apply_givesEveryRecordOfAReaderInTicketForm() {
        RecordReader reader = RecordReaders.open(new java.io.ByteArrayInputStream(
                "Document,Topic_group\nprinter jammed,Hardware\nno access to the share,Access\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)), InputFormat.CSV,
                "history.csv");
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        try (RecordReader shaped = new HistoryLayout("document", "topic_group").apply(reader)) {
            shaped.forEachRemaining(r -> out.add(r.fields()));
        }
        assertThat(out).extracting(f -> f.get("title"))
                .containsExactly("printer jammed", "no access to the share");
        assertThat(out).allSatisfy(f -> assertThat(f).doesNotContainKey("topic_group"));
    }
}
