package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.helpdesktriage.core.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** config validate, show and schema. */
class ConfigCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private Path write(String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    @Test
    void validate_aGoodFile_exits0() throws IOException {
        Path file = write("config.json", "{\"cache_ttl\": 60}");
        CliRun run = CliRun.run("config", "validate", file.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(file + " is valid");
        assertThat(CliRun.run("config", "validate", "../config.json").exitCode()).isZero();
    }

    @Test
    void validate_printsEveryProblem_andExits3() throws IOException {
        Path file = write("config.json", "{\n  \"cache_tl\": 1,\n  \"store_type\": \"disk\",\n"
                + "  \"rules\": [{\"id\": \"r\", \"priority\": \"urgent\","
                + " \"condition\": {\"all\": []}}]\n}");
        CliRun run = CliRun.run("config", "validate", "--config", file.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out().lines()).containsExactlyInAnyOrder(
                file + " line 2: unknown key 'cache_tl' at $.cache_tl; see "
                        + "docs/configuration.md for the known keys",
                file + " line 3: store_type 'disk' is not one of memory, file, postgres",
                file + " line 4: rules[0]: rule 'r': priority 'urgent' is not a priority level"
                        + " (critical, high, medium, low)");
        assertThat(run.err()).contains("3 problems");

        CliRun asJson = CliRun.runWith(Map.of("HELPDESK_CACHE_TTL", "soon"), "", "config",
                "validate", file.toString(), "--json");
        assertThat(asJson.exitCode()).isEqualTo(3);
        JsonNode n = MAPPER.readTree(asJson.out());
        assertThat(n.get("valid").asBoolean()).isFalse();
        assertThat(n.get("problems")).hasSize(4);
    }

    @Test
    void validate_fileAndADifferentConfig_isAUsageError() {
        assertThat(CliRun.run("config", "validate", "a.json", "--config", "b.json").exitCode())
                .isEqualTo(2);
    }

    @Test
    void show_printsTheEffectiveConfiguration_withTheRulesOfRuleFiles() throws IOException {
        write("rules.json", "{\"rules\": [{\"id\": \"r1\", \"priority\": \"low\","
                + " \"condition\": {\"all\": []}}]}");
        Path file = write("config.json", "{\"rule_files\": [\"rules.json\"],"
                + " \"store_url\": \"jdbc:postgresql://db/x?password=secret\"}");
        CliRun run = CliRun.run("config", "show", "--config", file.toString(),
                "--set", "cache_ttl=5");
        assertThat(run.exitCode()).isZero();
        JsonNode n = MAPPER.readTree(run.out());
        assertThat(n.get("cache_ttl").asInt()).isEqualTo(5);
        assertThat(n.get("rules")).hasSize(1);
        assertThat(n.get("rules").get(0).get("id").asText()).isEqualTo("r1");
        assertThat(run.out()).doesNotContain("secret");
    }

    @Test
    void showSources_saysWhereEachValueCameFrom() throws IOException {
        Path file = write("config.json", "{\n  \"cache_ttl\": 60,\n  \"rules\": [\n"
                + "    {\"id\": \"own\", \"priority\": \"low\", \"condition\": {\"all\": []}}]\n}");
        CliRun run = CliRun.runWith(Map.of("HELPDESK_LOG_LEVEL", "info"), "", "config", "show",
                "--sources", "--config", file.toString(), "--set", "match_mode=all");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).anySatisfy(l -> assertThat(l)
                .matches("cache_ttl +file .*config.json line 2 +60"));
        assertThat(run.out().lines()).anySatisfy(l -> assertThat(l)
                .matches("log_level +environment HELPDESK_LOG_LEVEL +INFO"));
        assertThat(run.out().lines()).anySatisfy(l -> assertThat(l)
                .matches("match_mode +command line +all"));
        assertThat(run.out().lines()).anySatisfy(l -> assertThat(l)
                .matches("store_type +default +memory"));
        assertThat(run.out().lines()).anySatisfy(l -> assertThat(l)
                .matches("rules\\[0\\] \\(own\\) +file .*config.json line 4 +.*"));

        CliRun json = CliRun.run("config", "show", "--sources", "--json", "--config",
                file.toString());
        JsonNode n = MAPPER.readTree(json.out());
        assertThat(n.get("cache_ttl").get("source").asText()).isEqualTo("file " + file
                + " line 2");
        assertThat(n.get("cache_ttl").get("value").asInt()).isEqualTo(60);
    }

    @Test
    void showFingerprint_isTheFingerprintResultsCarry() throws IOException {
        Path file = write("config.json", "{\"cache_ttl\": 60}");
        CliRun run = CliRun.run("config", "show", "--fingerprint", "--config", file.toString());
        assertThat(run.out().strip()).isEqualTo(ConfigLoader.fingerprint(
                ConfigLoader.load(java.util.Optional.of(file), Map.of(), Map.of())));
        Path in = write("in.json", "{\"id\": \"T-1\", \"title\": \"x\", \"description\": \"y\","
                + " \"requester_email\": \"a@example.com\"}");
        CliRun triage = CliRun.run("triage", in.toString(), "--config", file.toString());
        assertThat(MAPPER.readTree(triage.out()).get("config_fingerprint").asText())
                .isEqualTo(run.out().strip());
    }

    @Test
    void schema_printsTheSchemaOfTheRepository() throws IOException {
        CliRun run = CliRun.run("config", "schema");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(Files.readString(Path.of("..", "config.schema.json")));
    }

    @Test
    void configAlone_isAUsageError() {
        CliRun run = CliRun.run("config");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("validate, show or schema");
    }
}
