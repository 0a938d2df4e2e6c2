package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.store.file.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredTriageTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"),
            ZoneOffset.UTC);

    @TempDir
    Path dir;

    private CliRun triage(Path in, String... extra) {
        String[] args = Stream.concat(Stream.of(in.toString(), dir.resolve("out.json").toString(),
                "--store", "file", "--data-dir", dir.resolve("data").toString()),
                Stream.of(extra)).toArray(String[]::new);
        return CliRun.runAt(CLOCK, Map.of(), "", args);
    }

    @Test
    void storeFile_isIdempotentAuditedAndRecordsTheRun() throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"id\":\"TKT-1\",\"subject\":\"Locked out\",\"body\":\"locked\","
                        + "\"email\":\"a@example.com\",\"created_at\":\"2026-11-20T10:00:00Z\"}",
                "{\"id\":\"TKT-2\",\"subject\":\"Refund\",\"body\":\"payment failed\","
                        + "\"email\":\"b@example.com\",\"type\":\"bill\"}",
                "{\"id\":\"TKT-3\",\"subject\":\"Hi\",\"body\":\"x\",\"email\":\"a@b\"}"));
        assertThat(triage(in).exitCode()).isEqualTo(4);
        CliRun again = triage(in, "--metrics-file", dir.resolve("m.prom").toString());
        assertThat(again.exitCode()).isEqualTo(4);
        assertThat(again.err()).contains(", run ");

        Path data = dir.resolve("data");
        try (DataDirectory d = DataDirectory.openForReading(data, CLOCK)) {
            assertThat(d.tickets().list()).extracting(t -> t.ticketId())
                    .containsExactly("TKT-1", "TKT-2");
            assertThat(d.tickets().get("TKT-2").orElseThrow().priority().id())
                    .isEqualTo("critical");
            // the second, unchanged import changes nothing and writes no audit entry
            assertThat(d.audit().query(AuditLog.Query.all().ticket("TKT-1"))).hasSize(1)
                    .allSatisfy(e -> assertThat(e.changes()).containsKey("assigned_to"));
            assertThat(d.deadLetters().list()).hasSize(1)
                    .allSatisfy(l -> assertThat(l.attempts()).isEqualTo(2));
            assertThat(d.runs().list()).hasSize(2).allSatisfy(r -> {
                assertThat(r.exitCode()).isEqualTo(4);
                assertThat(r.counts()).containsEntry("read", 3L).containsEntry("rejected", 1L);
                assertThat(r.details()).containsKeys("config_fingerprint", "input", "output");
            });
        }
        List<String> metrics = Files.readAllLines(dir.resolve("m.prom"));
        assertThat(metrics).contains(
                "# TYPE helpdesk_triage_records_total counter",
                "helpdesk_triage_records_total{command=\"triage\",outcome=\"triaged\"} 2.0",
                "helpdesk_triage_records_total{command=\"triage\",outcome=\"rejected\"} 1.0",
                "helpdesk_triage_last_exit_code{command=\"triage\"} 4.0",
                "helpdesk_triage_last_success_timestamp_seconds{command=\"triage\"} 1.7952624E9",
                "helpdesk_triage_tickets_total{category=\"billing\",command=\"triage\","
                        + "priority=\"critical\"} 1.0");
    }

    @Test
    void configShowFingerprint_equalsTheFingerprintOfRunsStoredWithStoreFile() throws IOException {
        Path in = dir.resolve("in.json");
        Files.writeString(in, "{\"id\":\"TKT-1\",\"subject\":\"a\",\"body\":\"b\","
                + "\"email\":\"a@example.com\"}");
        String config = Path.of("..", "examples", "config-sla.json").toString();
        assertThat(triage(in, "--config", config).exitCode()).isZero();
        CliRun show = CliRun.runAt(CLOCK, Map.of(), "", "config", "show", "--fingerprint",
                "--config", config);
        assertThat(show.exitCode()).as(show.err()).isZero();
        try (DataDirectory d = DataDirectory.openForReading(dir.resolve("data"), CLOCK)) {
            assertThat(d.runs().list()).singleElement().satisfies(r -> assertThat(
                    r.details().get("config_fingerprint")).isEqualTo(show.out().trim()));
        }
    }

    @Test
    void failedRun_keepsTheLastSuccessTimeAndRecordsItsExitCode() throws IOException {
        Path in = dir.resolve("in.json");
        Files.writeString(in, "{\"id\":\"TKT-1\",\"subject\":\"a\",\"body\":\"b\","
                + "\"email\":\"a@example.com\"}");
        Path prom = dir.resolve("m.prom");
        assertThat(triage(in, "--metrics-file", prom.toString()).exitCode()).isZero();
        CliRun failed = triage(dir.resolve("missing.json"), "--metrics-file", prom.toString());
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(Files.readAllLines(prom)).contains(
                "helpdesk_triage_last_exit_code{command=\"triage\"} 3.0",
                "helpdesk_triage_last_success_timestamp_seconds{command=\"triage\"} 1.7952624E9");
        try (DataDirectory d = DataDirectory.openForReading(dir.resolve("data"), CLOCK)) {
            assertThat(d.runs().list()).extracting(r -> r.exitCode()).containsExactlyInAnyOrder(0, 3);
        }
        JsonNode out = MAPPER.readTree(dir.resolve("out.json").toFile());
        assertThat(out.get("ticket").get("ticket_id").asText()).isEqualTo("TKT-1");
    }
}
