package org.helpdesktriage.core.internal.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each lint check on a planted defect, and nothing on its near miss or the shipped configs. */
class ConfigLintTest {

    @TempDir
    Path dir;

    private List<LintFinding> lint(String json) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return ConfigLint.check(ConfigLoader.load(file));
    }

    private static String rule(String id, String priority, String condition, String actions) {
        return "{\"id\":\"" + id + "\",\"priority\":\"" + priority + "\",\"condition\":"
                + condition + ",\"actions\":" + actions + "}";
    }

    private static String words(String field, String op, String... words) {
        return "{\"field\":\"" + field + "\",\"op\":\"" + op + "\",\"value\":[\""
                + String.join("\",\"", words) + "\"]}";
    }

    private static String rules(String mode, String... rules) {
        return "{\"match_mode\":\"" + mode + "\",\"rules\":[" + String.join(",", rules) + "]}";
    }

    @Test
    void aRuleWhoseConditionImpliesAnEarlierOne_isShadowed() throws IOException {
        List<LintFinding> findings = lint(rules("first",
                rule("refunds", "high", words("text", "contains_any_word", "refund", "invoice"),
                        "{\"category\":\"billing\"}"),
                rule("refund_in_title", "medium", words("title", "contains_any_word", "refund"),
                        "{\"category\":\"technical\"}"),
                rule("copy", "low", words("text", "contains_any_word", "refund", "invoice"),
                        "{\"category\":\"account\"}"),
                rule("other", "low", words("text", "contains_any_word", "password"),
                        "{\"category\":\"account\"}")));

        assertThat(findings).extracting(LintFinding::check).containsExactly("shadowed",
                "shadowed");
        assertThat(findings.get(0).subjects()).containsExactly("refund_in_title", "refunds");
        assertThat(findings.get(1).subjects()).containsExactly("copy", "refunds");
        assertThat(findings.get(1).message()).contains("with the same condition");
    }

    @Test
    void inMatchModeAll_onlyAStopShadows() throws IOException {
        String a = rule("refunds", "high", words("text", "contains_any_word", "refund"),
                "{\"tags\":[\"money\"]}");
        String b = rule("refund_title", "medium", words("title", "contains_any_word", "refund"),
                "{\"tags\":[\"title\"]}");

        assertThat(lint(rules("all", a, b))).isEmpty();
        assertThat(lint(rules("all", a.replace("\"actions\"", "\"stop\":true,\"actions\""), b)))
                .extracting(LintFinding::check).containsExactly("shadowed");
    }

    @Test
    void conditionsThatCanNeverHold_areReported() throws IOException {
        List<LintFinding> findings = lint(rules("first",
                rule("two_categories", "high", "{\"all\":[{\"field\":\"category\",\"op\":"
                        + "\"equals\",\"value\":\"billing\"},{\"field\":\"category\",\"op\":"
                        + "\"in\",\"value\":[\"technical\",\"account\"]}]}", "{}"),
                rule("empty_range", "high", "{\"all\":[{\"field\":\"age_hours\",\"op\":"
                        + "\"greater_than\",\"value\":48},{\"field\":\"age_hours\",\"op\":"
                        + "\"less_than\",\"value\":24}]}", "{}"),
                rule("empty_any", "high", "{\"any\":[]}", "{}"),
                rule("fine_range", "high", "{\"all\":[{\"field\":\"age_hours\",\"op\":"
                        + "\"greater_than\",\"value\":24},{\"field\":\"age_hours\",\"op\":"
                        + "\"less_than\",\"value\":48}]}", "{}")));

        assertThat(findings).extracting(LintFinding::check).containsExactly("never-holds",
                "never-holds", "never-holds");
        assertThat(findings).flatExtracting(LintFinding::subjects)
                .containsExactly("two_categories", "empty_range", "empty_any");
    }

    @Test
    void aCatchAllAtHighPriority_isReported_butNotAtLowPriority() throws IOException {
        List<LintFinding> high = lint(rules("all",
                rule("everything", "critical", "{\"all\":[]}", "{}")));
        List<LintFinding> low = lint(rules("all",
                rule("everything", "low", "{\"all\":[]}", "{\"tags\":[\"seen\"]}")));

        assertThat(high).extracting(LintFinding::check).containsExactly("catch-all");
        assertThat(low).isEmpty();
    }

    @Test
    void anActionAnEarlierRuleAlwaysDecides_isReported_inMatchModeAll() throws IOException {
        List<LintFinding> findings = lint(rules("all",
                rule("refunds", "high", words("text", "contains_any_word", "refund"),
                        "{\"category\":\"billing\"}"),
                rule("refund_crash", "medium", "{\"all\":[" + words("title",
                        "contains_all_words", "refund", "crash") + "]}",
                        "{\"category\":\"technical\"}"),
                rule("crash", "medium", words("title", "contains_any_word", "crash"),
                        "{\"category\":\"technical\"}")));

        assertThat(findings).extracting(LintFinding::check).containsExactly("action-undone");
        assertThat(findings.get(0).subjects()).containsExactly("refund_crash", "refunds");
        assertThat(findings.get(0).message()).contains("category 'technical'")
                .contains("sets 'billing'");
    }

    @Test
    void anSlaPolicyCoveredByAnEarlierOne_isUnreachable() throws IOException {
        String sla = "\"sla\":{\"calendars\":{},\"policies\":["
                + "{\"id\":\"urgent\",\"condition\":{\"field\":\"priority\",\"op\":\"in\","
                + "\"value\":[\"high\",\"critical\"]},\"calendar\":\"24x7\","
                + "\"first_response\":\"PT1H\",\"resolution\":\"PT4H\"},"
                + "{\"id\":\"high\",\"condition\":{\"field\":\"priority\",\"op\":\"equals\","
                + "\"value\":\"high\"},\"calendar\":\"24x7\","
                + "\"first_response\":\"PT2H\",\"resolution\":\"PT8H\"},"
                + "{\"id\":\"rest\",\"condition\":{\"all\":[]},\"calendar\":\"24x7\","
                + "\"first_response\":\"PT4H\",\"resolution\":\"P2D\"}]}";

        List<LintFinding> findings = lint("{" + sla + "}");

        assertThat(findings).extracting(LintFinding::check)
                .containsExactly("unreachable-sla-policy");
        assertThat(findings.get(0).subjects()).containsExactly("high", "urgent");
    }

    @Test
    void aKeywordTheTokeniserCuts_isReported_butNotOneItReadsAlike() throws IOException {
        List<LintFinding> findings = lint(rules("first",
                rule("languages", "medium", words("text", "contains_any_word", "c++", ".net",
                        "e-mail", "node.js", "log in"), "{}")));

        assertThat(findings).extracting(LintFinding::check).containsExactly("keyword-altered",
                "keyword-altered");
        assertThat(findings.get(0).message()).contains("'c++'").contains("read as 'c'");
        assertThat(findings.get(1).message()).contains("'.net'").contains("read as 'net'");
    }

    static Stream<Path> shippedConfigs() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> examples = Files.walk(root.resolve("examples"))) {
            List<Path> configs = examples.filter(p -> p.getFileName().toString()
                    .matches("config.*\\.json")).filter(p -> !p.toString().contains("target"))
                    .toList();
            return Stream.concat(Stream.of(root.resolve("config.json")), configs.stream());
        }
    }

    @ParameterizedTest
    @MethodSource("shippedConfigs")
    void theShippedConfigurations_lintClean(Path config) {
        TriageConfig loaded = ConfigLoader.load(config);

        assertThat(ConfigLint.check(loaded)).as(config.toString()).isEmpty();
    }
}
