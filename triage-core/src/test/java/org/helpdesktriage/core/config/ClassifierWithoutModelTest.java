package org.helpdesktriage.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.route.ClassifierPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A classifier section without a model says how a model is used (for evaluate and train) and
 * leaves triage routing by rules alone.
 */
class ClassifierWithoutModelTest {

    private static final String RULES = "\"rules\": [{\"id\": \"pw\", \"priority\": \"high\", "
            + "\"condition\": {\"field\": \"title\", \"op\": \"contains_phrase\", "
            + "\"value\": \"password\"}, \"actions\": {\"category\": \"account\"}}]";

    @TempDir
    Path dir;

    private Path write(String json) throws Exception {
        return Files.writeString(dir.resolve("config-" + json.hashCode() + ".json"), json);
    }

    @Test
    void classifierWithoutModel_keepsItsPolicy_butRoutesNothing() throws Exception {
        Path file = write("{" + RULES + ", \"classifier\": {\"min_confidence\": 0.6, "
                + "\"policy\": \"rules_override\", \"review_team\": \"triage-desk\"}}");

        TriageConfig config = ConfigLoader.load(file);

        assertThat(config.classifierPolicy()).isEmpty();
        ClassifierPolicy settings = config.classifierSettings().orElseThrow();
        assertThat(settings.modelFile()).isEmpty();
        assertThat(settings.decision()).isEqualTo(ClassifierPolicy.Decision.RULES_OVERRIDE);
        assertThat(settings.minConfidence()).isEqualTo(0.6);
        assertThat(settings.review()).contains("triage-desk");
        assertThatThrownBy(settings::model).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("names no model file");
        assertThat(ConfigLoader.validate(Optional.of(file), Map.of(), Map.of())).isEmpty();
        // rules_override without a model would let no ordinary rule route; rules alone do
        assertThat(TriageEngine.builder().config(config).build().classifier()).isEmpty();
    }

    @Test
    void classifierWithoutModel_hasTheFingerprintOfNoClassifier_andShowsNoModel()
            throws Exception {
        TriageConfig without = ConfigLoader.load(write("{" + RULES + "}"));
        TriageConfig modelLess = ConfigLoader.load(write("{" + RULES + ", \"classifier\": "
                + "{\"policy\": \"model_first\"}}"));

        assertThat(ConfigFingerprint.of(modelLess)).isEqualTo(ConfigFingerprint.of(without));
        assertThat(ConfigJson.toTree(modelLess).path("classifier").has("model")).isFalse();
        assertThat(ConfigJson.toTree(modelLess).path("classifier").path("policy").asText())
                .isEqualTo("model_first");
    }

    @Test
    void modelNamedInTheFile_isReadFromTheFilesFolder_andValidateLoadsIt() throws Exception {
        Path file = write("{" + RULES + ", \"classifier\": {\"model\": \"model.json\"}}");

        assertThat(ConfigLoader.load(file).classifierPolicy().orElseThrow().model())
                .isEqualTo(dir.toAbsolutePath().resolve("model.json"));
        assertThat(ConfigLoader.validate(Optional.of(file), Map.of(), Map.of()))
                .singleElement().asString().contains("model.json");
    }
}
