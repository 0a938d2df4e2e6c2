package org.helpdesktriage.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.rules.MatchMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return file;
    }

    private static TriageConfig load(Path file, Map<String, String> env,
            Map<String, String> overrides) {
        return ConfigLoader.load(Optional.ofNullable(file), env, overrides);
    }

    @Test
    void defaults_areTheValuesOfTheReference() {
        TriageConfig c = TriageConfig.defaults();
        assertThat(c.moduleSettings().values()).containsOnly(entry("store_type", "memory"),
                entry("store_path", "./data"), entry("log_level", "WARN"));
        assertThat(c.cacheEnabled()).isTrue();
        assertThat(c.cacheTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(c.escalation().thresholdHours()).isEqualTo(24);
        assertThat(c.escalation().autoEscalateCritical()).isTrue();
        assertThat(c.maxTitleLength()).isEqualTo(200);
        assertThat(c.maxDescriptionLength()).isEqualTo(10000);
        assertThat(c.defaultPriority()).isEqualTo(Priority.MEDIUM);
        assertThat(c.matchMode()).isEqualTo(MatchMode.FIRST);
        assertThat(c.categories().teams()).containsEntry("feature", "product-team")
                .hasSize(6);
        assertThat(c.rules()).extracting(r -> r.id())
                .containsExactly("critical_billing", "account_lockout");
        assertThat(c.categorySynonyms()).containsEntry("error", "bug");
        assertThat(c.prioritySynonyms()).containsEntry("urgent", Priority.HIGH);
    }

    @Test
    void builtInDefaults_matchTheConfigJsonAtTheProjectRoot() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Path root = Path.of("..", "config.json");
        try (var in = ConfigLoader.class.getResourceAsStream("default-config.json")) {
            assertThat(mapper.readTree(in)).isEqualTo(mapper.readTree(root.toFile()));
        }
    }

    @Test
    void load_fileOverridesDefaultsAndMergesScoring() throws IOException {
        Path file = write("{\"cache_ttl\": 60, \"scoring\": {\"weights\": {\"urgency\": 1.0}},"
                + " \"rules\": []}");
        TriageConfig c = load(file, Map.of(), Map.of());
        assertThat(c.cacheTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.scoring().weights()).containsEntry("urgency", 1.0)
                .containsEntry("priority", 0.6);
        assertThat(c.scoring().urgencyKeywords()).contains("outage");
        assertThat(c.rules()).isEmpty();
    }

    @Test
    void load_precedenceIsDefaultsThenFileThenEnvironmentThenOverrides() throws IOException {
        Path file = write("{\"escalation_threshold_hours\": 12, \"cache_ttl\": 60,"
                + " \"store_path\": \"/srv/a\"}");
        TriageConfig c = load(file,
                Map.of("HELPDESK_ESCALATION_THRESHOLD", "6", "HELPDESK_CACHE_TTL", "30"),
                Map.of("cache_ttl", "10"));
        assertThat(c.escalation().thresholdHours()).isEqualTo(6);
        assertThat(c.cacheTtl()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.moduleSettings().value("store_path")).contains("/srv/a");
    }

    @Test
    void load_unknownKey_namesFileKeyAndLine() throws IOException {
        Path file = write("{\n  \"cache_ttl\": 5,\n  \"cache_tll\": 6\n}");
        assertThatThrownBy(() -> load(file, Map.of(), Map.of()))
                .isInstanceOf(TriageException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 3")
                .hasMessageContaining("'cache_tll'")
                .extracting(e -> ((TriageException) e).code())
                .isEqualTo(ErrorCode.CONFIG_INVALID);
    }

    @Test
    void load_invalidJson_namesFileAndLine() throws IOException {
        Path file = write("{\n  \"cache_ttl\": 5,\n  \"store_type\" \"file\"\n}");
        assertThatThrownBy(() -> load(file, Map.of(), Map.of()))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 3")
                .hasMessageContaining("invalid JSON");
    }

    @Test
    void load_wrongType_namesKeyAndLine() throws IOException {
        Path file = write("{\n  \"cache_enabled\": \"sometimes\"\n}");
        assertThatThrownBy(() -> load(file, Map.of(), Map.of()))
                .hasMessageContaining("line 2").hasMessageContaining("cache_enabled");
    }

    @Test
    void load_badEnvironmentValue_namesTheVariable() {
        assertThatThrownBy(() -> load(null, Map.of("HELPDESK_CACHE_TTL", "soon"), Map.of()))
                .hasMessageContaining("HELPDESK_CACHE_TTL")
                .hasMessageContaining("'soon'")
                .hasMessageContaining("whole number");
    }

    @Test
    void load_unknownOverride_listsTheKnownKeys() {
        assertThatThrownBy(() -> load(null, Map.of(), Map.of("colour", "red")))
                .hasMessageContaining("'colour'").hasMessageContaining("match_mode");
    }

    @Test
    void load_badPriorityOrMode_namesWhereItCameFrom() throws IOException {
        Path file = write("{\"default_priority\": \"asap\"}");
        assertThatThrownBy(() -> load(file, Map.of(), Map.of()))
                .hasMessageContaining(file.toString()).hasMessageContaining("'asap'");
        assertThatThrownBy(() -> load(null, Map.of("HELPDESK_MATCH_MODE", "some"), Map.of()))
                .hasMessageContaining("HELPDESK_MATCH_MODE").hasMessageContaining("'some'");
    }

    @Test
    void load_missingFile_isAClearError() {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> load(missing, Map.of(), Map.of()))
                .hasMessageContaining("nope.json").hasMessageContaining("not found");
    }

    @Test
    void load_categoriesAreConfigurable() throws IOException {
        Path file = write("{\"categories\": {\"hardware\": \"desk-team\", \"other\": \"ops\"},"
                + " \"default_category\": \"other\", \"synonyms\": {\"category\": {}},"
                + " \"rules\": []}");
        TriageConfig c = load(file, Map.of(), Map.of());
        assertThat(c.categories().names()).containsExactly("hardware", "other");
        assertThat(c.categories().fallback()).isEqualTo("other");
    }

    @Test
    void load_synonymToUnknownCategory_isRefused() throws IOException {
        Path file = write("{\"synonyms\": {\"category\": {\"hw\": \"hardware\"}}}");
        assertThatThrownBy(() -> load(file, Map.of(), Map.of()))
                .hasMessageContaining("'hw'").hasMessageContaining("not a category");
    }

    @Test
    void load_ownCategoriesWithoutSynonyms_keepsOnlyBuiltInSynonymsThatStillApply()
            throws IOException {
        Path file = write("{\"categories\": {\"technical\": \"it\", \"other\": \"ops\"},"
                + " \"default_category\": \"other\", \"rules\": []}");
        TriageConfig c = load(file, Map.of(), Map.of());
        assertThat(c.categorySynonyms()).containsOnlyKeys("tech");
    }
}
