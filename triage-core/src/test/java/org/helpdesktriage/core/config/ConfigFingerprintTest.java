package org.helpdesktriage.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.TriageOutcome;
import org.helpdesktriage.core.TriageResult;
import org.helpdesktriage.core.internal.classify.ClassifierModel;
import org.helpdesktriage.core.internal.classify.ClassifierTrainer;
import org.helpdesktriage.core.internal.classify.LabelledText;
import org.helpdesktriage.core.internal.classify.TextClassifier;
import org.helpdesktriage.core.route.ClassifierPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigFingerprintTest {

    private static final String TICKET = "{\"id\":\"T-1\",\"title\":\"printer jam\","
            + "\"description\":\"paper jam\",\"requester_email\":\"a@example.com\"}";

    @TempDir
    Path dir;

    private static TextClassifier model(String billingWord) {
        String[][] kinds = {
            {"technical", "printer", "paper jam in the printer tray"},
            {"account", "password", "locked out, reset my password"},
            {"billing", "invoice", billingWord + " charged twice"},
        };
        List<LabelledText> data = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            for (String[] k : kinds) {
                data.add(new LabelledText(k[1] + " issue " + i, k[2], k[0]));
            }
        }
        return ClassifierTrainer.builder().seed(3).threads(1).build().train(data);
    }

    private static TriageResult triage(TriageEngine engine) {
        return ((TriageOutcome.Triaged) engine.triageJson(TICKET)).result();
    }

    // the shipped config.json with one key set to a JSON value (none: as shipped)
    private String fingerprintWith(String name, String key, String value) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode config = (ObjectNode) mapper.readTree(Path.of("..", "config.json").toFile());
        config.remove("$schema");
        if (key != null) {
            config.set(key, mapper.readTree(value));
        }
        Path file = dir.resolve(name + ".json");
        mapper.writeValue(file.toFile(), config);
        return ConfigFingerprint.of(ConfigLoader.load(file));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "store_type       | \"file\"",
        "store_path       | \"/var/lib/elsewhere\"",
        "store_url        | \"jdbc:postgresql://db.example.com/triage\"",
        "db_password_file | \"/run/secrets/pw\"",
        "log_level        | \"DEBUG\"",
        "cache_ttl        | 60",
        "cache_enabled    | false",
    })
    void anOperationalSetting_leavesTheFingerprintAlone(String key, String value)
            throws Exception {
        String plain = fingerprintWith("plain", null, null);
        assertThat(fingerprintWith(key, key, value)).isEqualTo(plain);
    }

    @Test
    void aChangedRule_orALimitThatValidates_changesTheFingerprint() throws Exception {
        String plain = fingerprintWith("plain", null, null);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode rules = mapper.readTree(Path.of("..", "config.json").toFile()).get("rules");
        ((ObjectNode) rules.get(0)).put("priority", "low");
        assertThat(fingerprintWith("rule", "rules", rules.toString())).isNotEqualTo(plain);
        assertThat(fingerprintWith("title", "max_ticket_title_length", "100"))
                .isNotEqualTo(plain);
    }

    @Test
    void withoutAClassifier_theFingerprintIsTheCanonicalJsonsAlone() {
        TriageConfig config = TriageConfig.defaults();
        assertThat(ConfigFingerprint.of(config)).isEqualTo(ConfigFingerprint.of(config, null))
                .isEqualTo(ConfigLoader.fingerprint(config)).hasSize(64);
    }

    @Test
    void everyResult_carriesTheFingerprintOfItsEngine() {
        TriageEngine engine = TriageEngine.builder().config(TriageConfig.defaults()).build();
        assertThat(triage(engine).configFingerprint())
                .isEqualTo(ConfigFingerprint.of(TriageConfig.defaults()));
        TriageConfig other = TriageConfig.defaults().withRules(List.of());
        assertThat(triage(TriageEngine.builder().config(other).build()).configFingerprint())
                .isNotEqualTo(engine.fingerprint());
    }

    @Test
    void aRetrainedModelFile_changesTheFingerprint_theSameBytesKeepIt() {
        Path file = dir.resolve("model.json");
        ClassifierModel.save(model("card"), file);
        TriageConfig config = TriageConfig.defaults().withClassifier(
                new ClassifierPolicy(file, 0.8, null, ClassifierPolicy.Decision.RULES_FIRST));
        String first = ConfigFingerprint.of(config);
        TriageEngine engine = TriageEngine.builder().config(config).build();
        assertThat(triage(engine).configFingerprint()).isEqualTo(first);
        assertThat(first).isNotEqualTo(ConfigFingerprint.of(config.withClassifier(null)));

        ClassifierModel.save(model("card"), file);
        assertThat(ConfigFingerprint.of(config)).isEqualTo(first);
        ClassifierModel.save(model("subscription"), file);
        assertThat(ConfigFingerprint.of(config)).isNotEqualTo(first);
    }

    @Test
    void aModelGivenToTheBuilder_countsByTheBytesItWouldBeSavedAs() {
        TextClassifier model = model("card");
        Path file = dir.resolve("model.json");
        ClassifierModel.save(model, file);
        assertThat(ClassifierModel.sha256(model)).isEqualTo(ClassifierModel.sha256(file)
                .orElseThrow());
        TriageEngine engine = TriageEngine.builder().config(TriageConfig.defaults())
                .classifier(model).build();
        assertThat(engine.fingerprint())
                .isEqualTo(ConfigFingerprint.of(TriageConfig.defaults(),
                        ClassifierModel.sha256(model)))
                .isNotEqualTo(ConfigFingerprint.of(TriageConfig.defaults()));
    }
}
