package org.helpdesktriage.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.junit.jupiter.api.Test;

class InputFormatTest {

    private static InputFormat detect(InputFormat explicit, String fileName, String head) {
        byte[] bytes = head.getBytes(StandardCharsets.UTF_8);
        return InputFormat.detect(explicit, fileName, bytes, bytes.length, "in");
    }

    private static InputFormat sniff(String head) {
        return detect(null, null, head);
    }

    @Test
    void detect_explicitChoice_winsOverExtensionAndContent() {
        assertThat(detect(InputFormat.TEXT, "a.json", "[{}]")).isEqualTo(InputFormat.TEXT);
    }

    @Test
    void detect_extension_winsOverContent() {
        assertThat(detect(null, "tickets.csv", "{\"a\":1}")).isEqualTo(InputFormat.CSV);
        assertThat(detect(null, "tickets.NDJSON", "x")).isEqualTo(InputFormat.JSONL);
        assertThat(detect(null, "tickets.txt", "x")).isEqualTo(InputFormat.TEXT);
    }

    @Test
    void detect_unknownExtension_fallsBackToContent() {
        assertThat(detect(null, "tickets.dat", "[]")).isEqualTo(InputFormat.JSON);
    }

    @Test
    void sniff_bracket_isJson() {
        assertThat(sniff("  \n [ {\"a\": 1} ]")).isEqualTo(InputFormat.JSON);
    }

    @Test
    void sniff_byteOrderMarkAndBlanks_areSkipped() {
        assertThat(sniff("\uFEFF\n\n[]")).isEqualTo(InputFormat.JSON);
    }

    @Test
    void sniff_prettyPrintedObject_isJson() {
        assertThat(sniff("{\n  \"a\": 1\n}\n")).isEqualTo(InputFormat.JSON);
    }

    @Test
    void sniff_oneLineObject_isJson() {
        assertThat(sniff("{\"a\": 1}")).isEqualTo(InputFormat.JSON);
    }

    @Test
    void sniff_objectPerLine_isJsonLines() {
        assertThat(sniff("{\"a\": 1}\n\n{\"a\": 2}\n")).isEqualTo(InputFormat.JSONL);
    }

    @Test
    void sniff_knownKeyValueLine_isText() {
        assertThat(sniff("Ticket ID: TKT-1\ntitle: x, y\n")).isEqualTo(InputFormat.TEXT);
        assertThat(sniff("subject: Hello, world\n")).isEqualTo(InputFormat.TEXT);
    }

    @Test
    void sniff_unknownKeyWithComma_isCsv() {
        assertThat(sniff("note: a, b\n")).isEqualTo(InputFormat.CSV);
    }

    @Test
    void sniff_headerWithCommas_isCsv() {
        assertThat(sniff("ticket_id,title\nTKT-1,x\n")).isEqualTo(InputFormat.CSV);
    }

    @Test
    void detect_noFormatFits_isUnreadableNamingSourceAndFirstLine() {
        assertThatThrownBy(() -> detect(null, "<stdin>", "hello there\nmore"))
                .isInstanceOf(TriageException.class)
                .hasMessage("in: cannot tell the input format from the file name or the first"
                        + " line 'hello there'; use --format json|jsonl|csv|text")
                .extracting(e -> ((TriageException) e).code())
                .isEqualTo(ErrorCode.INPUT_UNREADABLE);
    }

    @Test
    void detect_binaryInput_isDescribed_neverEchoed() {
        assertThatThrownBy(() -> detect(null, "<stdin>", "\u001b]0;pwned\u0007\ufffd\u0000x\n"))
                .isInstanceOf(TriageException.class)
                .hasMessageContaining("the first line (it is not text: binary data, or not UTF-8)")
                .hasMessageNotContaining("pwned")
                .hasMessageNotContaining("\u001b");
    }

    @Test
    void detect_blankInput_readsAsNoRecords() {
        assertThat(detect(null, null, " \n")).isEqualTo(InputFormat.JSONL);
    }
}
