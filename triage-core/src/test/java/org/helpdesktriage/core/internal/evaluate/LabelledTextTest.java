package org.helpdesktriage.core.internal.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.helpdesktriage.core.config.TriageConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History is text as people paste it: terminal colour codes, stray control characters and logs
 * longer than a live field may be. None of it is a reason to leave a record out of training or
 * evaluation.
 */
class LabelledTextTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"),
            ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void controlCharacters_becomeSpaces_andAreCounted_neverALeftOutRow() throws IOException {
        Path file = dir.resolve("history.csv");
        Files.writeString(file, "title,body,label\n"
                + "Port forwarding log,\"\u001b[31mERROR\u001b[0m bind failed\",bug\n"
                + "Which encoding,\"parse \u0001 stats\u0000 file\",question\n"
                + "Plain,\"nothing odd\",bug\n");

        LabelledData data = LabelledData.read(new LabelledInput(file, null, "label", null,
                Map.of(), null), TriageConfig.defaults(), CLOCK);

        assertThat(data.leftOut()).isEmpty();
        assertThat(data.examples()).hasSize(3);
        assertThat(data.withControlCharacters()).isEqualTo(2);
        assertThat(data.examples().get(0).ticket().description())
                .doesNotContain("\u001b").contains("ERROR").contains("bind failed");
        assertThat(data.examples().get(1).ticket().description())
                .doesNotContain("\u0001").doesNotContain("\u0000");
        assertThat(data.summary()).contains("2 with control characters replaced by spaces");
    }

    @Test
    void aBodyLongerThanMaxFieldLength_isTruncatedForFeatures_notLeftOut() throws IOException {
        Path file = dir.resolve("history.csv");
        String log = "at frame ".repeat(20_000);
        Files.writeString(file, "title,body,label\nCrash with a log,\"" + log + "\",bug\n"
                + "Short,\"short\",question\n");

        LabelledData data = LabelledData.read(new LabelledInput(file, null, "label", null,
                Map.of(), null), TriageConfig.defaults(), CLOCK);

        assertThat(data.leftOut()).isEmpty();
        assertThat(data.examples()).hasSize(2);
        assertThat(data.truncated()).isEqualTo(1);
    }

    @Test
    void theSharedGitHubIssues_areAllUsed() {
        Path shared = Path.of("..", "..", "shared", "datasets", "github-issues-nlbse24",
                "issues_train.csv");
        assumeTrue(Files.isRegularFile(shared), "the shared dataset is not on this machine");

        LabelledData data = LabelledData.read(new LabelledInput(shared, null, "label", null,
                Map.of(), null), TriageConfig.defaults(), CLOCK);

        assertThat(data.read()).isEqualTo(1500);
        assertThat(data.examples()).hasSize(1500);
        assertThat(data.leftOut()).isEmpty();
    }
}
