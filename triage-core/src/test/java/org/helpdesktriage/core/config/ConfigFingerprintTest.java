package org.helpdesktriage.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.TriageOutcome;
import org.helpdesktriage.core.TriageResult;
import org.helpdesktriage.core.classify.ClassifierModel;
import org.helpdesktriage.core.classify.ClassifierTrainer;
import org.helpdesktriage.core.classify.LabelledText;
import org.helpdesktriage.core.classify.TextClassifier;
import org.helpdesktriage.core.route.ClassifierPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
