package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelledOptionsTest {

    private static Map<String, Object> split(String text) {
        Map<String, Object> fields = new LinkedHashMap<>();
        LabelledOptions.splitText(text, fields);
        return fields;
    }

    @Test
    void splitText_firstTenWordsAreTheTitle_theRestTheDescription() {
        Map<String, Object> f = split("  one two three four five six seven eight nine ten"
                + "   eleven  twelve ");
        assertThat(f).containsEntry("title", "one two three four five six seven eight nine ten")
                .containsEntry("description", "eleven  twelve");
    }

    @Test
    void splitText_shortText_isTitleAndDescription() {
        assertThat(split("printer jammed")).containsEntry("title", "printer jammed")
                .containsEntry("description", "printer jammed");
    }

    @Test
    void splitText_titleStopsBeforeTheWordThatWouldPassTheLimit() {
        String sixty = "a".repeat(60);
        Map<String, Object> f = split(sixty + " " + sixty + " tail");
        assertThat(f).containsEntry("title", sixty).containsEntry("description", sixty + " tail");
    }

    @Test
    void splitText_firstWordLongerThanATitle_staysWholeInTheDescription() {
        String long1 = "x".repeat(130);
        Map<String, Object> f = split(long1 + " tail");
        assertThat(f).containsEntry("title", "x".repeat(120))
                .containsEntry("description", long1 + " tail");
    }
}
