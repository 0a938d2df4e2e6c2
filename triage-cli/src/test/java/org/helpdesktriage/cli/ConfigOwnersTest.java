package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keys the store and the command line own are checked by every command with the core's:
 * one validation names each bad key with its file and line, in the order the keys are checked,
 * and a command stops at the first with the same message.
 */
class ConfigOwnersTest {

    @TempDir
    Path dir;

    @Test
    void validate_badStoreAndLogKeys_areNamedWithTheCoresProblems() throws IOException {
        Path file = Files.writeString(dir.resolve("config.json"), "{\n  \"cache_ttl\": -1,\n"
                + "  \"log_level\": \"loud\",\n  \"store_type\": \"disk\"\n}");
        CliRun run = CliRun.run("config", "validate", file.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out().lines()).containsExactly(
                file + " line 4: store_type 'disk' is not one of memory, file, postgres",
                file + " line 3: log_level 'loud' is not one of TRACE, DEBUG, INFO, WARN, ERROR",
                file + " line 2: cache_ttl must be >= 0 seconds, got -1");

        CliRun show = CliRun.run("config", "show", "--config", file.toString());
        assertThat(show.exitCode()).isEqualTo(3);
        assertThat(show.err()).contains(file + " line 4: store_type 'disk' is not one of "
                + "memory, file, postgres").contains("2 more: run helpdesk-triage config validate");
    }

    @Test
    void show_printsTheOwnersCanonicalValues() throws IOException {
        CliRun run = CliRun.runWith(Map.of("HELPDESK_STORE_TYPE", " File "), "", "config",
                "show", "--set", "log_level=debug");
        assertThat(run.exitCode()).isZero();
        JsonNode n = new ObjectMapper().readTree(run.out());
        assertThat(n.get("store_type").asText()).isEqualTo("file");
        assertThat(n.get("log_level").asText()).isEqualTo("DEBUG");
    }

    @Test
    void theSchemasLogLevels_areTheOnesTheCommandLineAccepts() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(ConfigLoader.schema());
        List<String> levels = new ArrayList<>();
        schema.path("properties").path("log_level").path("enum")
                .forEach(l -> levels.add(l.asText()));
        // the schema lists each level in upper and lower case; each is one level, upper case
        assertThat(levels).allSatisfy(l -> assertThat(Logging.LEVEL.canonical().apply(l))
                .isEqualTo(l.toUpperCase(java.util.Locale.ROOT)));
        assertThat(levels.stream().map(Logging.LEVEL.canonical()).distinct())
                .containsExactly("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
        assertThat(ConfigOptions.OWNERS).extracting(o -> o.key())
                .containsExactly("store_type", "store_path", "log_level");
    }
}
