package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesktriage.cli.OpsFixtures.cli;
import static org.helpdesktriage.cli.OpsFixtures.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.helpdesktriage.store.file.DataDirectory;
import org.helpdesktriage.store.file.FileStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    Path root;

    @BeforeEach
    void dataDirectory() {
        root = tmp.resolve("data");
        try (DataDirectory data = DataDirectory.openForWriting(root, "test", Duration.ZERO,
                OpsFixtures.CLOCK)) {
            data.tickets().save(ticket("TKT-1"));
        }
    }

    /** Returns the checks of a health report by name: ok or not, and the detail. */
    private static Map<String, JsonNode> checks(CliRun run) throws IOException {
        JsonNode report = MAPPER.readTree(run.out());
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        report.get("checks").forEach(c -> byName.put(c.get("name").asText(), c));
        return byName;
    }

    @Test
    void healthyDirectory_exitsZeroListingEveryCheck() throws IOException {
        CliRun run = cli("health", "--min-free-mb", "0", "--data-dir", root.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(MAPPER.readTree(run.out()).get("healthy").asBoolean()).isTrue();
        assertThat(checks(run)).containsOnlyKeys("configuration", "data directory",
                "disk space", "data directory contents", "format version", "lock",
                "ticket files", "temporary files", "audit log", "run records", "dead letters", "symbolic links");
        assertThat(checks(run).get("lock").get("detail").asText()).isEqualTo("free");
        assertThat(checks(run).get("format version").get("detail").asText())
                .isEqualTo("version 1");
        assertThat(checks(run).get("data directory contents").get("detail").asText())
                .isEqualTo("a data directory (format-version)");
    }

    @Test
    void folderThatIsNotADataDirectory_isUnhealthyNamingIt_andNothingElseIsChecked()
            throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(folder.resolve("README.md"), "# a project");
        Files.createDirectories(folder.resolve("tickets"));
        CliRun run = cli("health", "--min-free-mb", "0", "--data-dir", folder.toString());
        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(MAPPER.readTree(run.out()).get("healthy").asBoolean()).isFalse();
        assertThat(checks(run)).containsOnlyKeys("configuration", "data directory",
                "disk space", "data directory contents");
        JsonNode contents = checks(run).get("data directory contents");
        assertThat(contents.get("ok").asBoolean()).isFalse();
        assertThat(contents.get("detail").asText()).isEqualTo(folder + " is not a data "
                + "directory: it holds README.md and no format-version; name the data "
                + "directory itself (--data-dir or store_path)");
        assertThat(run.err()).contains("unhealthy: FAIL data directory contents: " + folder);
        assertThat(folder).isDirectoryNotContaining("glob:**/{lock,format-version}");
    }

    @Test
    void emptyFolder_isUnhealthy_notADataDirectoryYet() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliRun run = cli("health", "--min-free-mb", "0", "--data-dir", empty.toString());
        assertThat(run.exitCode()).isEqualTo(6);
        JsonNode contents = checks(run).get("data directory contents");
        assertThat(contents.get("ok").asBoolean()).isFalse();
        assertThat(contents.get("detail").asText()).isEqualTo(empty + " is empty, not a data "
                + "directory yet; the first 'triage --store file' into it makes it one");
        assertThat(empty).isEmptyDirectory();
    }

    @Test
    void formatZeroDirectory_isHealthy() throws IOException {
        Files.delete(root.resolve("format-version"));
        CliRun run = cli("health", "--min-free-mb", "0", "--data-dir", root.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(checks(run).get("data directory contents").get("detail").asText())
                .startsWith("a data directory of format 0");
        assertThat(checks(run).get("format version").get("detail").asText())
                .startsWith("version 0, migrated to 1");
    }

    @Test
    void corruptTicketFile_exitsSixNamingTheFile() throws IOException {
        Path bad = new FileStore(root).fileOf("TKT-2");
        Files.writeString(bad, "{\"ticket_id\": ");
        CliRun run = cli("health", "--min-free-mb", "0", "--data-dir", root.toString());
        assertThat(run.exitCode()).isEqualTo(6);
        JsonNode tickets = checks(run).get("ticket files");
        assertThat(tickets.get("ok").asBoolean()).isFalse();
        assertThat(tickets.get("detail").asText()).contains(bad.toString());
        assertThat(run.err()).contains("unhealthy", "ticket files");
    }

    @Test
    void tooLittleDisk_fails_whileAStrayTempFileIsOnlyAWarning() throws IOException {
        Files.writeString(root.resolve("tickets").resolve(".tmp-12345"), "half");
        CliRun run = cli("health", "--min-free-mb", String.valueOf(Long.MAX_VALUE / (1L << 21)),
                "--data-dir", root.toString());
        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(checks(run).get("temporary files").get("ok").asBoolean()).isTrue();
        assertThat(checks(run).get("temporary files").get("warning").asBoolean()).isTrue();
        assertThat(checks(run).get("temporary files").get("detail").asText())
                .contains(".tmp-12345");
        assertThat(checks(run).get("disk space").get("ok").asBoolean()).isFalse();
    }

    @Test
    void invalidConfiguration_isAFailedCheckNotACrash() throws IOException {
        Path config = Files.writeString(tmp.resolve("config.json"), "{\"match_mode\": 42,");
        CliRun run = cli("health", "--config", config.toString(), "--min-free-mb", "0",
                "--data-dir", root.toString());
        assertThat(run.exitCode()).isEqualTo(6);
        JsonNode c = checks(run).get("configuration");
        assertThat(c.get("ok").asBoolean()).isFalse();
        assertThat(c.get("detail").asText()).contains("config.json");
        assertThat(checks(run).get("ticket files").get("ok").asBoolean()).isTrue();
    }

    @Test
    void ruleNamingAnUnknownField_failsTheConfigurationCheck_asTriageRefusesIt()
            throws IOException {
        Path config = Files.writeString(tmp.resolve("config.json"), "{\"rules\": [{\"id\": "
                + "\"lockout\", \"priority\": \"high\", \"condition\": {\"all\": [{\"field\":"
                + " \"titel\", \"op\": \"contains\", \"value\": \"locked\"}]}, "
                + "\"actions\": {\"assign_to\": \"account-team\"}}]}");
        CliRun triage = cli("triage", "--config", config.toString(), "-");
        assertThat(triage.exitCode()).isEqualTo(3);

        CliRun run = cli("health", "--config", config.toString(), "--min-free-mb", "0",
                "--data-dir", root.toString());
        assertThat(run.exitCode()).isEqualTo(6);
        JsonNode c = checks(run).get("configuration");
        assertThat(c.get("ok").asBoolean()).isFalse();
        assertThat(c.get("detail").asText())
                .contains("rule 'lockout': condition field 'titel' is not a known field");
        assertThat(checks(run).get("ticket files").get("ok").asBoolean()).isTrue();
    }

    @Test
    void validConfiguration_saysHowManyRulesCompiled() throws IOException {
        CliRun run = cli("health", "--config", "../config.json", "--min-free-mb", "0",
                "--data-dir", root.toString());
        assertThat(checks(run).get("configuration").get("detail").asText())
                .matches("valid: \\d+ rule\\(s\\) compiled");
    }

    @Test
    void missingDataDirectory_isAFailedCheck() throws IOException {
        CliRun run = cli("health", "--data-dir", tmp.resolve("nope").toString());
        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(checks(run).get("data directory").get("detail").asText())
                .contains("does not exist");
    }
}
