package org.helpdesktriage.store.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store owns store_type, store_path, store_url and db_password_file: the core's loader
 * carries them, {@link StoreSettings#OWNERS} checks them among the core's problems, and
 * {@link StoreSettings#from} reads them typed.
 */
class StoreSettingsTest {

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("config.json"), json);
    }

    private static List<String> validate(Path file) {
        return ConfigLoader.validate(Optional.of(file), Map.of(), Map.of(), StoreSettings.OWNERS);
    }

    @Test
    void aBadStoreType_namesFileLineAndKey_togetherWithTheCoresProblems() throws IOException {
        Path file = write("""
                {
                  "cache_tl": 60,
                  "cache_ttl": -1,
                  "store_type": "disk",
                  "match_mode": "some",
                  "rules": [
                    {"id": "a", "priority": "urgent", "condition": {"all": []}}
                  ]
                }
                """);
        assertThat(validate(file)).containsExactly(
                file + " line 2: unknown key 'cache_tl' at $.cache_tl; see docs/configuration.md"
                        + " for the known keys",
                file + " line 4: store_type 'disk' is not one of memory, file, postgres",
                file + " line 3: cache_ttl must be >= 0 seconds, got -1",
                file + " line 5: match_mode 'some' is not one of first, all",
                file + " line 7: rules[0]: rule 'a': priority 'urgent' is not a priority level"
                        + " (critical, high, medium, low)");
    }

    @Test
    void load_stopsAtABadStoreType_withTheSameMessage() throws IOException {
        Path file = write("{\"store_type\": \"disk\", \"cache_ttl\": -1}");
        assertThat(validate(file)).hasSize(2);
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of(), Map.of(),
                StoreSettings.OWNERS))
                .isInstanceOf(TriageException.class)
                .hasMessage(file + " line 1: store_type 'disk' is not one of memory, file, "
                        + "postgres");
    }

    @Test
    void from_readsTheStoresKeys_typed_fromEveryLayer() throws IOException {
        Path file = write("{\"store_type\": \" Postgres \", \"store_url\": \"jdbc:postgresql:x\","
                + " \"db_password_file\": \"  \"}");
        TriageConfig config = ConfigLoader.load(Optional.of(file),
                Map.of("HELPDESK_STORE_PATH", "/srv/triage/"), Map.of(), StoreSettings.OWNERS);
        StoreSettings settings = StoreSettings.from(config);
        assertThat(settings).isEqualTo(new StoreSettings(StoreType.POSTGRES,
                Path.of("/srv/triage"), Optional.of("jdbc:postgresql:x"), Optional.empty()));
        assertThat(settings.database()).isTrue();
        assertThat(ConfigLoader.effectiveJson(config).get("store_type").asText())
                .isEqualTo("postgres");
        assertThat(StoreSettings.from(TriageConfig.defaults())).isEqualTo(new StoreSettings(
                StoreType.MEMORY, Path.of("./data"), Optional.empty(), Optional.empty()));
    }

    @Test
    void from_aConfigurationLoadedWithoutTheOwners_stillNamesWhereABadTypeCameFrom() {
        TriageConfig config = ConfigLoader.load(Optional.empty(),
                Map.of("HELPDESK_STORE_TYPE", "disk"), Map.of());
        assertThatThrownBy(() -> StoreSettings.from(config))
                .isInstanceOf(TriageException.class)
                .hasMessage("environment variable HELPDESK_STORE_TYPE: store_type 'disk' is not "
                        + "one of memory, file, postgres")
                .satisfies(e -> assertThat(((TriageException) e).code())
                        .isEqualTo(ErrorCode.CONFIG_INVALID));
    }

    @Test
    void theSchemasStoreTypes_areTheStoreTypes() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(ConfigLoader.schema());
        List<String> names = new ArrayList<>();
        schema.path("properties").path("store_type").path("enum")
                .forEach(n -> names.add(n.asText()));
        assertThat(names).containsExactlyElementsOf(
                Arrays.stream(StoreType.values()).map(StoreType::id).toList());
    }
}
