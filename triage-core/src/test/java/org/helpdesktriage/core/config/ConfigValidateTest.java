package org.helpdesktriage.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ConfigLoader.validate: every problem at once, each with its file, line and key path. */
class ConfigValidateTest {

    @TempDir
    Path dir;

    private Path write(String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        return file;
    }

    private List<String> validate(Path file) {
        return ConfigLoader.validate(Optional.of(file), Map.of(), Map.of());
    }

    @Test
    void validate_aGoodConfiguration_findsNothing_andEveryShippedOneIsGood() throws IOException {
        assertThat(validate(write("config.json", "{\"cache_ttl\": 60}"))).isEmpty();
        assertThat(validate(Path.of("..", "config.json"))).isEmpty();
        // a shipped configuration that routes with a model names a file that train writes
        for (String shipped : ConfigSchemaTest.shipped()) {
            assertThat(validate(Path.of("..").resolve(shipped))).as(shipped)
                    .allSatisfy(p -> assertThat(p).endsWith("model.json: the model file does "
                            + "not exist"));
        }
    }

    @Test
    void validate_reportsEveryProblemAtOnce_eachWithItsLineAndKeyPath() throws IOException {
        Path file = write("config.json", """
                {
                  "cache_tl": 60,
                  "cache_ttl": -1,
                  "store_type": "disk",
                  "match_mode": "some",
                  "rules": [
                    {"id": "a", "priority": "urgent", "condition": {"all": []}},
                    {"id": "b", "priority": "high", "prio": 1, "condition": {"all": []}},
                    {"id": "c", "priority": "high", "condition": {"field": "colour",
                      "op": "equals", "value": "x"}},
                    {"id": "a", "priority": "low", "condition": {"all": []}}
                  ]
                }
                """);
        // store_type is triage-store's: its bad value is its owner's problem (StoreSettingsTest)
        List<String> problems = validate(file);
        assertThat(problems).hasSize(7).noneMatch(p -> p.contains("store_type"));
        assertThat(problems).anySatisfy(p -> assertThat(p).isEqualTo(file
                + " line 2: unknown key 'cache_tl' at $.cache_tl; see docs/configuration.md"
                + " for the known keys"));
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .startsWith(file + " line 8: unknown key 'prio' at $.rules[1].prio"));
        assertThat(problems).anySatisfy(p -> assertThat(p).isEqualTo(file
                + " line 5: match_mode 'some' is not one of first, all"));
        assertThat(problems).anySatisfy(p -> assertThat(p).isEqualTo(file
                + " line 3: cache_ttl must be >= 0 seconds, got -1"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(file
                + " line 7: rules[0]: rule 'a': priority 'urgent' is not a priority level"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(file
                + " line 9: rules[2]: rule 'c': condition field 'colour' is not a known field"));
        assertThat(problems).anySatisfy(p -> assertThat(p).isEqualTo(file + " line 11: "
                + "rules[3].id: rule id 'a' is already the id of " + file + " line 7: rules[0];"
                + " rule ids must be unique across the configuration and its rule files"));
    }

    @Test
    void load_stopsAtTheFirstProblem_withTheSameMessage() throws IOException {
        Path file = write("config.json", "{\"cache_ttl\": -1, \"match_mode\": \"some\"}");
        assertThat(validate(file)).hasSize(2);
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of(), Map.of()))
                .hasMessage(file + " line 1: cache_ttl must be >= 0 seconds, got -1");
    }

    @Test
    void validate_numbersOutOfRange_sayTheRange_neverJacksonsWords() throws IOException {
        Path file = write("config.json", "{\"cache_ttl\": 1e999, \"max_keys\": 99999999999999}");
        assertThat(validate(file)).hasSize(2).allSatisfy(p -> assertThat(p)
                .contains("the number is out of range: expected a whole number from")
                .doesNotContain("Numeric value", "out of range of", "line ?"));
    }

    @Test
    void validate_invalidJson_isOneProblemWithItsLineAndColumn() throws IOException {
        Path file = write("config.json", "{\n  \"cache_ttl\": 60,,\n}");
        assertThat(validate(file)).singleElement().asString()
                .startsWith(file + " line 2, column 19: invalid JSON");
    }

    @Test
    void validate_environmentAndOverrides_areCheckedToo() throws IOException {
        Path file = write("config.json", "{}");
        List<String> problems = ConfigLoader.validate(Optional.of(file),
                Map.of("HELPDESK_CACHE_TTL", "soon"), Map.of("match_mode", "some"));
        assertThat(problems).containsExactly(
                "environment variable HELPDESK_CACHE_TTL: 'soon' is not a valid value of "
                        + "cache_ttl (expected a whole number)",
                "the command line: match_mode 'some' is not one of first, all");
    }

    @Test
    void validate_aMissingModelFile_isAProblemOfTheClassifier() throws IOException {
        Path file = write("config.json", "{\"classifier\": {\"model\": \"absent.json\"}}");
        assertThat(validate(file)).singleElement().asString()
                .contains("absent.json").contains("does not exist");
    }

    @Test
    void sources_sayWhereEachValueCameFrom() throws IOException {
        Path file = write("config.json", """
                {
                  "cache_ttl": 60,
                  "scoring": {"urgency_cap": 5},
                  "rules": [{"id": "r", "priority": "low", "condition": {"all": []}}]
                }
                """);
        Map<String, String> sources = ConfigLoader.sources(Optional.of(file),
                Map.of("HELPDESK_LOG_LEVEL", "info"), Map.of("match_mode", "all"));
        assertThat(sources)
                .containsEntry("cache_ttl", "file " + file + " line 2")
                .containsEntry("scoring.urgency_cap", "file " + file + " line 3")
                .containsEntry("scoring.weights", "default")
                .containsEntry("log_level", "environment HELPDESK_LOG_LEVEL")
                .containsEntry("match_mode", "command line")
                .containsEntry("store_type", "default")
                .containsEntry("rules[0] (r)", "file " + file + " line 4");
    }
}
