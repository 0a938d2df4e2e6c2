package org.helpdesktriage.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.config.ConfigLoader.SettingOwner;
import org.helpdesktriage.core.config.ModuleSettings;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keys other modules own (the store's, the log level) load in the core without the core
 * giving them a meaning, from every layer; an owner given to the loader checks its key where the
 * core checks its own, with the file, the line and the key, among the core's problems.
 */
class ModuleSettingsTest {

    // an owner as a module would write one: a closed set of names, written in lower case
    private static final SettingOwner COLOUR_OF_STORE = new SettingOwner("store_type", v -> {
        String id = v.trim().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("red", "blue").contains(id)) {
            throw new IllegalArgumentException("store_type '" + v + "' is not one of red, blue");
        }
        return id;
    });

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("config.json"), json);
    }

    @Test
    void storeAndLogKeys_loadInTheCore_asWritten_withoutAnOwner() throws IOException {
        Path file = write("{\n  \"store_type\": \"Anything\",\n  \"store_url\": \"jdbc:x\",\n"
                + "  \"db_password_file\": \"pw\",\n  \"log_level\": \"loud\"\n}");
        TriageConfig config = ConfigLoader.load(Optional.of(file), Map.of(), Map.of());
        assertThat(config.moduleSettings().values()).containsOnly(
                Map.entry("store_type", "Anything"), Map.entry("store_path", "./data"),
                Map.entry("store_url", "jdbc:x"), Map.entry("db_password_file", "pw"),
                Map.entry("log_level", "loud"));
        assertThat(config.moduleSettings().origin("store_url")).isEqualTo(file + " line 3");
        assertThat(config.moduleSettings().origin("store_path"))
                .isEqualTo("the built-in defaults");
        assertThat(ConfigLoader.validate(Optional.of(file), Map.of(), Map.of())).isEmpty();
    }

    @Test
    void theEnvironmentAndOverrides_setOwnedKeys_likeTheCoresOwn() {
        TriageConfig config = ConfigLoader.load(Optional.empty(),
                Map.of("HELPDESK_STORE_TYPE", "file", "HELPDESK_DB_PASSWORD_FILE", "/run/pw"),
                Map.of("store_path", "/srv/data"));
        ModuleSettings own = config.moduleSettings();
        assertThat(own.value("store_type")).contains("file");
        assertThat(own.origin("store_type")).isEqualTo("environment variable HELPDESK_STORE_TYPE");
        assertThat(own.value("db_password_file")).contains("/run/pw");
        assertThat(own.value("store_path")).contains("/srv/data");
        assertThat(own.origin("store_path")).isEqualTo("the command line");
    }

    @Test
    void anOwnersProblem_namesFileLineAndKey_amongTheCoresProblems() throws IOException {
        Path file = write("{\n  \"cache_ttl\": -1,\n  \"store_type\": \"green\",\n"
                + "  \"match_mode\": \"some\"\n}");
        assertThat(ConfigLoader.validate(Optional.of(file), Map.of(), Map.of(),
                List.of(COLOUR_OF_STORE))).containsExactly(
                        file + " line 3: store_type 'green' is not one of red, blue",
                        file + " line 2: cache_ttl must be >= 0 seconds, got -1",
                        file + " line 4: match_mode 'some' is not one of first, all");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of(), Map.of(),
                List.of(COLOUR_OF_STORE)))
                .isInstanceOf(TriageException.class)
                .hasMessage(file + " line 3: store_type 'green' is not one of red, blue")
                .satisfies(e -> assertThat(((TriageException) e).code())
                        .isEqualTo(ErrorCode.CONFIG_INVALID));
    }

    @Test
    void anOwner_checksTheCommandLineToo_andTheConfigurationKeepsItsCanonicalValue() {
        assertThat(ConfigLoader.validate(Optional.empty(), Map.of(),
                Map.of("store_type", "green"), List.of(COLOUR_OF_STORE)))
                .containsExactly("the command line: store_type 'green' is not one of red, blue");
        TriageConfig config = ConfigLoader.load(Optional.empty(), Map.of(),
                Map.of("store_type", " RED "), List.of(COLOUR_OF_STORE));
        assertThat(config.moduleSettings().value("store_type")).contains("red");
        assertThat(ConfigLoader.effectiveJson(config).get("store_type").asText())
                .isEqualTo("red");
    }

    @Test
    void theShownConfiguration_neverHoldsTheUrlNorThePasswordFile() {
        TriageConfig config = ConfigLoader.load(Optional.empty(), Map.of(), Map.of(
                "store_url", "jdbc:postgresql://db/x?password=secret",
                "db_password_file", "/run/secret-file"));
        assertThat(ConfigLoader.effectiveJson(config).toString()).doesNotContain("secret");
        assertThat(config.toString()).doesNotContain("secret");
    }

    @Test
    void anOwner_mustClaimAKeyTheCoreCarries() {
        assertThatThrownBy(() -> new SettingOwner("cache_ttl", v -> v))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cache_ttl' is not a setting the core carries");
    }
}
