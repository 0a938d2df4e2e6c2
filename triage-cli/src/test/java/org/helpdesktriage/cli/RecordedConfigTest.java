package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesktriage.cli.ReimportTest.ESCALATED;
import static org.helpdesktriage.cli.ReimportTest.EXAMPLES;
import static org.helpdesktriage.cli.ReimportTest.ID;
import static org.helpdesktriage.cli.ReimportTest.TRIAGED;
import static org.helpdesktriage.cli.ReimportTest.at;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.store.RecordedConfig;
import org.helpdesktriage.store.file.DataDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory knows the configuration that triaged into it (issue 28, item 4). */
class RecordedConfigTest {

    @TempDir
    Path dir;
    Path data;
    Path config;

    @BeforeEach
    void triageWithTheSlaConfiguration() throws IOException {
        data = dir.resolve("data");
        config = dir.resolve("config-sla.json");
        Files.writeString(config, Files.readString(EXAMPLES.resolve("config-sla.json"))
                .replace("\"../config.schema.json\"", "\"config.schema.json\""));
        CliRun run = at(TRIAGED, Map.of(), EXAMPLES.resolve("tickets.json").toString(),
                dir.resolve("out.json").toString(), "--store", "file", "--data-dir",
                data.toString(), "--config", config.toString());
        assertThat(run.exitCode()).as(run.err()).isIn(0, 4);
    }

    private Ticket stored() {
        try (DataDirectory d = DataDirectory.openForReading(data, Clock.systemUTC())) {
            return d.tickets().get(ID).orElseThrow();
        }
    }

    @Test
    void triage_recordsThePathAndFingerprint_inTheDataDirectory() {
        RecordedConfig rec = RecordedConfig.read(data).orElseThrow();
        assertThat(rec.path()).isEqualTo(config.toAbsolutePath().normalize().toString());
        assertThat(rec.fingerprint()).isEqualTo(ConfigLoader.fingerprint(
                ConfigLoader.load(config)));
    }

    @Test
    void escalateWithoutConfig_usesTheRecordedConfigurationsSlaStages() {
        CliRun escalate = at(ESCALATED, Map.of(), "escalate", "--data-dir", data.toString());
        assertThat(escalate.exitCode()).as(escalate.err()).isZero();
        assertThat(escalate.err()).doesNotContain("warning");
        assertThat(escalate.out()).contains("breached");
        assertThat(stored()).extracting(Ticket::status, Ticket::assignedTo)
                .containsExactly(Status.ESCALATED, "on-call");
    }

    @Test
    void anotherConfiguration_isWarnedAbout() {
        CliRun run = at(ESCALATED, Map.of(), "escalate", "--dry-run", "--data-dir",
                data.toString(), "--config", Path.of("..", "config.json").toString());
        assertThat(run.err()).contains("warning: the configuration")
                .contains("is not the one data directory " + data + " was last triaged with")
                .contains(config.toAbsolutePath().normalize().toString());
    }

    @Test
    void aRecordedConfigurationThatIsGone_isRefusedByEscalate_andWarnedAboutByTickets()
            throws IOException {
        Files.delete(config);
        CliRun escalate = at(ESCALATED, Map.of(), "escalate", "--data-dir", data.toString());
        assertThat(escalate.exitCode()).isEqualTo(3);
        assertThat(escalate.err()).contains("no longer exists")
                .contains(config.toAbsolutePath().normalize().toString());
        assertThat(stored().status()).isNotEqualTo(Status.ESCALATED);

        CliRun count = at(ESCALATED, Map.of(), "tickets", "count", "--data-dir",
                data.toString());
        assertThat(count.exitCode()).as(count.err()).isZero();
        assertThat(count.err()).contains("warning: data directory " + data
                + " was triaged with the configuration").contains("no longer exists");
    }

    @Test
    void helpdeskConfig_countsAsAGivenConfiguration() {
        CliRun run = at(ESCALATED, Map.of("HELPDESK_CONFIG", Path.of("..", "config.json")
                .toString()), "escalate", "--dry-run", "--data-dir", data.toString());
        assertThat(run.err()).contains("warning: the configuration");
    }

    @Test
    void backupAndRestore_carryTheRecordedConfiguration() throws IOException {
        RecordedConfig before = RecordedConfig.read(data).orElseThrow();
        CliRun backup = at(ESCALATED, Map.of(), "backup", "--out", dir.resolve("b").toString(),
                "--data-dir", data.toString());
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        Files.delete(data.resolve(RecordedConfig.FILE));
        CliRun restore = at(ESCALATED, Map.of(), "restore", "--archive",
                backup.out().trim(), "--data-dir", data.toString());
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(RecordedConfig.read(data)).contains(before);
    }

    @Test
    void slaStatus_reportsTheSlaStoredOnEachTicket_notTheCurrentCalendars() throws IOException {
        String stored = org.helpdesktriage.core.sla.SlaCalculator.read(stored()).orElseThrow()
                .sla().resolutionDue().toString();
        // the same rules with office hours that end at noon: recomputed, the due time moves
        Path shorter = dir.resolve("config-short.json");
        Files.writeString(shorter, Files.readString(config)
                .replace("\"13:30-17:00\"", "\"13:30-13:45\""));
        CliRun status = at(ESCALATED, Map.of(), "sla", "status", "--json", "--data-dir",
                data.toString(), "--config", shorter.toString());
        assertThat(status.exitCode()).as(status.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode rows = new com.fasterxml.jackson.databind
                .ObjectMapper().readTree(status.out());
        com.fasterxml.jackson.databind.JsonNode row = null;
        for (com.fasterxml.jackson.databind.JsonNode r : rows) {
            if (r.get("ticket_id").asText().equals(ID)) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("resolution_due").asText()).isEqualTo(stored);
        assertThat(row.get("state").asText()).isEqualTo("breached");
    }
}
