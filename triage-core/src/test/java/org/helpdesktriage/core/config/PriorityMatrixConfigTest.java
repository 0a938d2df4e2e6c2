package org.helpdesktriage.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.route.PriorityMatrix;
import org.helpdesktriage.core.rules.RuleDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code priority_matrix} key and the rule actions that go with it, through the loader:
 * every problem at once with its file, line and key path, and the fingerprint.
 */
class PriorityMatrixConfigTest {

    private static final String MATRIX = "\"priority_matrix\": {\n"
            + "  \"impact\": [\"high\", \"medium\", \"low\"],\n"
            + "  \"urgency\": [\"high\", \"medium\", \"low\"],\n"
            + "  \"priority\": [[\"critical\", \"high\", \"medium\"],\n"
            + "    [\"high\", \"medium\", \"low\"], [\"medium\", \"low\", \"low\"]]}";

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("config.json"), json);
    }

    private static List<String> validate(Path file) {
        return ConfigLoader.validate(Optional.of(file), Map.of(), Map.of());
    }

    private static String rule(String id, String actions) {
        return "{\"id\": \"" + id + "\", \"priority\": \"low\", \"condition\": {\"all\": []},"
                + " \"actions\": {" + actions + "}}";
    }

    @Test
    void aMatrix_loadsWithItsLevelsAndGrid() throws IOException {
        TriageConfig config = ConfigLoader.load(write("{" + MATRIX + "}"));
        PriorityMatrix m = config.priorityMatrix();
        assertThat(m.impact()).containsExactly("high", "medium", "low");
        assertThat(m.priority().get(0)).containsExactly(Priority.CRITICAL, Priority.HIGH,
                Priority.MEDIUM);
        assertThat(TriageConfig.defaults().priorityMatrix().isNone()).isTrue();
    }

    @Test
    void everyProblemOfTheMatrix_isReportedAtOnce_withFileLineAndKey() throws IOException {
        Path file = write("{\"priority_matrix\": {\n"
                + "  \"impact\": [\"high\", \"High \", \"low\"],\n"
                + "  \"urgency\": [\"high\", \" \"],\n"
                + "  \"priority\": [\n"
                + "    [\"critical\", \"urgent\"],\n"
                + "    [\"high\", \"medium\", \"low\"]]}}");
        assertThat(validate(file)).containsExactly(
                file + " line 2: priority_matrix.impact[1]: 'High ' repeats 'high' "
                        + "(priority_matrix.impact[0]); levels are compared case-insensitively"
                        + " and must be unique",
                file + " line 3: priority_matrix.urgency[1]: is blank; a level needs a name",
                file + " line 5: priority_matrix.priority[0][1]: 'urgent' is not a priority "
                        + "(critical, high, medium, low)");
    }

    @Test
    void aGridOfTheWrongShape_namesTheRowByItsImpactLevel() throws IOException {
        Path file = write("{\"priority_matrix\": {\n"
                + "  \"impact\": [\"high\", \"medium\", \"low\"],\n"
                + "  \"urgency\": [\"high\", \"low\"],\n"
                + "  \"priority\": [\n"
                + "    [\"critical\", \"high\"],\n"
                + "    [\"high\"]]}}");
        assertThat(validate(file)).containsExactly(
                file + " line 4: priority_matrix.priority: has 2 rows, but impact has 3 levels "
                        + "[high, medium, low]; give one row per impact level, in the same order",
                file + " line 6: priority_matrix.priority[1]: row (impact 'medium') has 1 "
                        + "priorities, but urgency has 2 levels [high, low]; give one priority "
                        + "per urgency level, in the same order");
    }

    @Test
    void missingOrEmptyParts_areEachReported() throws IOException {
        Path file = write("{\"priority_matrix\": {\"impact\": [], \"priority\": []}}");
        assertThat(validate(file)).containsExactly(
                file + " line 1: priority_matrix.impact: is empty; list the levels, e.g. "
                        + "[\"high\", \"medium\", \"low\"]",
                file + " line 1: priority_matrix.urgency: is missing; list the levels, e.g. "
                        + "[\"high\", \"medium\", \"low\"]",
                file + " line 1: priority_matrix.priority: is empty; give one row of "
                        + "priorities per impact level");
    }

    @Test
    void ruleActions_mustNameLevels_andAreReportedWithTheOtherProblems() throws IOException {
        Path file = write("{" + MATRIX + ",\n\"rules\": [\n"
                + rule("a", "\"set_impact\": \"huge\", \"set_urgency\": \"soon\"") + ",\n"
                + rule("b", "\"set_urgency\": \"LOW\", \"require_skills\": [\"sap\", \" \"]")
                + ",\n" + rule("c", "\"require_skills\": [\"sap\", \"SAP\"]") + "],\n"
                + "\"cache_ttl\": -1}");
        assertThat(validate(file)).containsExactly(
                file + " line 10: cache_ttl must be >= 0 seconds, got -1",
                file + " line 7: rules[0].actions.set_impact: rule 'a': action set_impact "
                        + "'huge' is not a level of priority_matrix.impact [high, medium, low]",
                file + " line 7: rules[0].actions.set_urgency: rule 'a': action set_urgency "
                        + "'soon' is not a level of priority_matrix.urgency [high, medium, low]",
                file + " line 8: rules[1]: rule 'b': action require_skills has a blank skill",
                file + " line 9: rules[2]: rule 'c': action require_skills names 'SAP' twice");
    }

    @Test
    void setImpactWithoutAMatrix_isAConfigError() throws IOException {
        Path file = write("{\"rules\": [" + rule("a", "\"set_impact\": \"high\"") + "]}");
        assertThat(validate(file)).containsExactly(file + " line 1: rules[0].actions.set_impact:"
                + " rule 'a': action set_impact 'high' needs a priority_matrix; add one, or "
                + "remove the action");
        assertThatThrownBy(() -> ConfigLoader.load(file)).isInstanceOf(TriageException.class)
                .hasMessageContaining("needs a priority_matrix");
    }

    @Test
    void aConfigurationBuiltInCode_checksTheRulesAgainstItsMatrix() {
        RuleDefinition rule = new RuleDefinition("a", null, "low",
                TriageConfig.defaults().rules().get(0).condition(),
                new RuleDefinition.Actions(null, null, null, null, List.of(), null, null,
                        "never", null), false);
        assertThatThrownBy(() -> TriageConfig.defaults().withRules(List.of(rule)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rule 'a': action set_urgency 'never' needs a priority_matrix; add "
                        + "one, or remove the action");
    }

    @Test
    void requireSkills_isKeptInTheRule() throws IOException {
        TriageConfig config = ConfigLoader.load(write("{\"rules\": ["
                + rule("a", "\"require_skills\": [\"sap\", \"abap\"]") + "]}"));
        assertThat(config.rules().get(0).actions().requireSkills()).containsExactly("sap",
                "abap");
    }

    @Test
    void theFingerprint_changesWithTheMatrix_andNotWithoutOne() throws IOException {
        // pinned from the code before priority_matrix existed: unchanged without the key
        assertThat(ConfigLoader.fingerprint(TriageConfig.defaults())).isEqualTo(
                "b26d8ca6f24bc92a0d14ab563f3c3430504bce5d62a64e4fb6b88dbf7ce6d1b9");
        assertThat(ConfigLoader.fingerprint(ConfigLoader.load(
                Path.of("..", "examples", "config-20-rules.json")))).isEqualTo(
                "8a62746281454f0c581e72f8367cf8c8ba7ec15d695de9121857d8e5a95be758");
        String with = ConfigLoader.fingerprint(ConfigLoader.load(write("{" + MATRIX + "}")));
        assertThat(with).isNotEqualTo(ConfigLoader.fingerprint(TriageConfig.defaults()));
        String otherCell = ConfigLoader.fingerprint(ConfigLoader.load(write("{"
                + MATRIX.replace("[\"medium\", \"low\", \"low\"]", "[\"low\", \"low\", \"low\"]")
                + "}")));
        assertThat(otherCell).isNotEqualTo(with);
        assertThat(ConfigLoader.canonicalJson(ConfigLoader.load(write("{" + MATRIX + "}"))))
                .contains("\"priority_matrix\":{\"impact\":[\"high\",\"medium\",\"low\"]");
    }
}
