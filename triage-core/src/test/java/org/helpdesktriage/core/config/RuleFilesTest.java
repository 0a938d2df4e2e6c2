package org.helpdesktriage.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.internal.rules.CompiledRule;
import org.helpdesktriage.core.internal.rules.RuleSet;
import org.helpdesktriage.core.rules.RuleDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rule_files: rules kept in files of their own, and the explicit order of rules. */
class RuleFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        return file;
    }

    private static String rule(String id, String priority, String extra) {
        return "{\"id\": \"" + id + "\", \"priority\": \"" + priority + "\"" + extra
                + ", \"condition\": {\"field\": \"text\", \"op\": \"contains_any_word\","
                + " \"value\": [\"" + id + "\"]}}";
    }

    private TriageConfig load(Path file) {
        return ConfigLoader.load(Optional.of(file), Map.of(), Map.of());
    }

    @Test
    void ruleFiles_addTheirRulesAfterTheFilesOwn_globMatchesSortedByPath() throws IOException {
        write("rules/b-billing.json", "{\"$schema\": \"../config.schema.json\", \"rules\": ["
                + rule("refund", "high", "") + "]}");
        write("rules/a-access.json", "{\"rules\": [" + rule("lockout", "high", "") + ", "
                + rule("mfa", "low", "") + "]}");
        write("extra/late.json", "{\"rules\": [" + rule("late", "low", "") + "]}");
        Path config = write("config.json", "{\"rules\": [" + rule("own", "low", "") + "],"
                + " \"rule_files\": [\"rules/*.json\", \"extra/late.json\"]}");
        assertThat(load(config).rules()).extracting(RuleDefinition::id)
                .containsExactly("own", "lockout", "mfa", "refund", "late");
    }

    @Test
    void ruleFiles_withoutRules_replaceTheDefaultRules() throws IOException {
        write("r.json", "{\"rules\": [" + rule("only", "low", "") + "]}");
        Path config = write("config.json", "{\"rule_files\": [\"r.json\"]}");
        assertThat(load(config).rules()).extracting(RuleDefinition::id).containsExactly("only");
    }

    @Test
    void aDuplicateIdAcrossFiles_isAnErrorNamingBothFiles() throws IOException {
        Path a = write("rules/a.json", "{\"rules\": [" + rule("vip", "high", "") + "]}");
        Path b = write("rules/b.json", "{\"rules\": [\n" + rule("other", "low", "") + ",\n"
                + rule("vip", "low", "") + "]}");
        Path config = write("config.json", "{\"rule_files\": [\"rules/*.json\"]}");
        assertThatThrownBy(() -> load(config)).hasMessage(b + " line 3: rules[1].id: rule id "
                + "'vip' is already the id of " + a + " line 1: rules[0]; rule ids must be unique"
                + " across the configuration and its rule files");
    }

    @Test
    void anErrorInARuleFile_namesThatFileAndLine() throws IOException {
        Path bad = write("rules/bad.json", "{\"rules\": [\n" + rule("ok", "low", "") + ",\n"
                + rule("broken", "someday", "") + "]}");
        Path config = write("config.json", "{\"rule_files\": [\"rules/bad.json\"]}");
        assertThatThrownBy(() -> load(config)).hasMessage(bad + " line 3: rules[1]: rule "
                + "'broken': priority 'someday' is not a priority level (critical, high, medium,"
                + " low)");
        Path typo = write("rules/typo.json", "{\"rules\": [\n{\"id\": \"t\", \"prio\": 1}]}");
        Path config2 = write("config2.json", "{\"rule_files\": [\"rules/typo.json\"]}");
        assertThatThrownBy(() -> load(config2)).hasMessageStartingWith(typo
                + " line 2: unknown key 'prio' at $.rules[0].prio");
        Path other = write("rules/other.json", "{\"rules\": [], \"categories\": {}}");
        Path config3 = write("config3.json", "{\"rule_files\": [\"rules/other.json\"]}");
        assertThatThrownBy(() -> load(config3)).hasMessageStartingWith(other
                + " line 1: unknown key 'categories'");
    }

    @Test
    void aGlobThatMatchesNothing_orAMissingFile_isAnError() throws IOException {
        Path config = write("config.json", "{\"rule_files\": [\"rules/*.json\"]}");
        assertThatThrownBy(() -> load(config)).hasMessageContaining("rule_files 'rules/*.json'"
                + " matches no file");
        Path missing = write("config2.json", "{\"rule_files\": [\"absent.json\"]}");
        assertThatThrownBy(() -> load(missing)).hasMessage(dir.resolve("absent.json")
                + ": rule file not found");
    }

    @Test
    void theFingerprint_followsTheRuleFilesContents() throws IOException {
        Path r = write("r.json", "{\"rules\": [" + rule("one", "low", "") + "]}");
        Path config = write("config.json", "{\"rule_files\": [\"r.json\"]}");
        String before = ConfigLoader.fingerprint(load(config));
        Files.writeString(r, "{\"rules\": [" + rule("one", "high", "") + "]}");
        assertThat(ConfigLoader.fingerprint(load(config))).isNotEqualTo(before);
    }

    @Test
    void order_runsRulesLowestFirst_whateverTheirPriority_tiesByPriorityThenPosition()
            throws IOException {
        Path config = write("config.json", "{\"rules\": ["
                + rule("critical_late", "critical", ", \"order\": 10") + ", "
                + rule("low_first", "low", ", \"order\": -5") + ", "
                + rule("plain_high", "high", "") + ", "
                + rule("plain_critical", "critical", "") + ", "
                + rule("tie_b", "low", ", \"order\": 10") + "]}");
        assertThat(compiled(load(config))).extracting(CompiledRule::id).containsExactly(
                "low_first", "plain_critical", "plain_high", "critical_late", "tie_b");
    }

    @Test
    void withoutOrder_rulesKeepPriorityThenPosition() {
        List<CompiledRule> rules = compiled(TriageConfig.defaults());
        List<String> ids = rules.stream().map(CompiledRule::id).toList();
        assertThat(ids).containsExactly("critical_billing", "account_lockout");
        assertThat(rules).allSatisfy(r -> assertThat(r.order()).isZero());
    }

    @Test
    void ruleFiles_leavingTheConfigurationsFolder_areRefused_withoutQuotingAnyFile()
            throws IOException {
        write("outside/secret.json", "root:x:0:0:secret-token");
        Path config = write("conf/config.json",
                "{\"rule_files\": [\"../../etc/*\", \"../outside/secret.json\", \"/etc/passwd\"]}");
        java.util.List<String> problems = ConfigLoader.validate(Optional.of(config), Map.of(),
                Map.of());
        assertThat(problems).hasSize(3).allSatisfy(p -> assertThat(p)
                .contains("outside the configuration's folder", "allow_outside")
                .doesNotContain("root", "secret-token"));
        assertThat(problems.get(0)).contains("'../../etc/*'");
    }

    @Test
    void ruleFiles_outsideWithAllowOutside_areRead_andALinkLeadingOutIsRefused()
            throws IOException {
        write("shared/r.json", "{\"rules\": [" + rule("shared", "low", "") + "]}");
        Path config = write("conf/config.json", "{\"rule_files\": [{\"path\": "
                + "\"../shared/*.json\", \"allow_outside\": true}]}");
        assertThat(load(config).rules()).extracting(RuleDefinition::id)
                .containsExactly("shared");

        Files.createSymbolicLink(dir.resolve("conf/link.json"), dir.resolve("shared/r.json"));
        Path linked = write("conf/linked.json", "{\"rule_files\": [\"link.json\"]}");
        assertThatThrownBy(() -> load(linked)).hasMessageContaining("outside the configuration");
    }

    @Test
    void aRuleFileThatIsNotJson_isNamedWithLineAndColumn_neverQuoted() throws IOException {
        write("conf/rules.json", "{\"rules\": [\n  root:x:0:0 secret-token ]}");
        Path config = write("conf/config.json", "{\"rule_files\": [\"rules.json\"]}");
        assertThatThrownBy(() -> load(config))
                .hasMessageContaining(dir.resolve("conf/rules.json") + " line 2, column ")
                .hasMessageContaining("invalid JSON")
                .hasMessageNotContaining("root").hasMessageNotContaining("secret-token");
    }

    /** Returns the rules as the engine compiles them, in evaluation order. */
    private static List<CompiledRule> compiled(TriageConfig config) {
        return RuleSet.compile(config.rules(), config.categories(), config.matchMode()).rules();
    }
}
