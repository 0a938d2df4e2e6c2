package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lint's exit codes and output: 0 clean, 4 with findings, 3 when the configuration fails. */
class LintCommandTest {

    @TempDir
    Path dir;

    @Test
    void findings_exitFour_andNameTheRules_asTextAndJson() throws IOException {
        Path config = dir.resolve("c.json");
        Files.writeString(config, "{\"rules\":["
                + "{\"id\":\"a\",\"priority\":\"high\",\"condition\":{\"field\":\"text\","
                + "\"op\":\"contains_any_word\",\"value\":[\"refund\"]},\"actions\":{}},"
                + "{\"id\":\"b\",\"priority\":\"low\",\"condition\":{\"field\":\"title\","
                + "\"op\":\"contains_any_word\",\"value\":[\"refund\"]},\"actions\":{}}]}");

        CliRun text = CliRun.run("lint", "--config", config.toString());
        CliRun json = CliRun.run("lint", "--config", config.toString(), "--json");

        assertThat(text.exitCode()).as(text.err()).isEqualTo(4);
        assertThat(text.out()).contains("shadowed: rule 'b' can never be the first match")
                .contains("'a'");
        assertThat(text.err()).contains("1 finding");
        assertThat(json.exitCode()).isEqualTo(4);
        JsonNode n = new ObjectMapper().readTree(json.out());
        assertThat(n.get("clean").asBoolean()).isFalse();
        assertThat(n.get("findings").get(0).get("check").asText()).isEqualTo("shadowed");
        assertThat(n.get("findings").get(0).get("subjects").toString()).isEqualTo("[\"b\",\"a\"]");
    }

    @Test
    void theShippedConfig_isClean_andABrokenOneExitsThree() throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"rules\": [{\"id\": \"x\"}]}");

        CliRun clean = CliRun.run("lint", "--config", Path.of("..", "config.json").toString());
        CliRun failed = CliRun.run("lint", "--config", broken.toString());

        assertThat(clean.exitCode()).as(clean.err()).isZero();
        assertThat(clean.out()).isEmpty();
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.err()).contains("broken.json");
    }
}
