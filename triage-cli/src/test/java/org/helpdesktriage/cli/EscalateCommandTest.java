package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.store.file.DataDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EscalateCommandTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    // after TKT-NEW's creation: a ticket created later than the run is rejected (SLA clocks)
    private static final Clock AT_TRIAGE = Clock.fixed(T0.plusSeconds(21 * 3600),
            ZoneOffset.UTC);
    private static final Clock A_DAY_LATER = Clock.fixed(T0.plusSeconds(25 * 3600),
            ZoneOffset.UTC);

    @TempDir
    Path dir;
    Path data;

    @BeforeEach
    void storeThreeTickets() throws IOException {
        data = dir.resolve("data");
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n",
                line("TKT-OLD", "low", "open"),
                line("TKT-DONE", "low", "resolved"),
                line("TKT-NEW", "medium", "new").replace(T0.toString(),
                        T0.plusSeconds(20 * 3600).toString())));
        CliRun run = CliRun.runAt(AT_TRIAGE, Map.of(), "", in.toString(),
                dir.resolve("out.json").toString(), "--store", "file",
                "--data-dir", data.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static String line(String id, String priority, String status) {
        return "{\"ticket_id\":\"" + id + "\",\"title\":\"Printer\",\"description\":\"jam\","
                + "\"requester_email\":\"a@example.com\",\"priority\":\"" + priority + "\","
                + "\"status\":\"" + (status.equals("open") ? "new" : status) + "\","
                + "\"created_at\":\"" + T0 + "\"}";
    }

    @Test
    void escalate_raisesOldOpenTicketsOnlyAndAuditsThem() {
        CliRun run = CliRun.runAt(A_DAY_LATER, Map.of(), "", "escalate",
                "--data-dir", data.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("TKT-OLD").contains("low -> medium")
                .doesNotContain("TKT-DONE").doesNotContain("TKT-NEW");
        assertThat(run.err()).contains("checked 3 tickets (2 open), escalated 1");
        try (DataDirectory d = DataDirectory.openForReading(data, A_DAY_LATER)) {
            var old = d.tickets().get("TKT-OLD").orElseThrow();
            assertThat(old.status()).isEqualTo(Status.ESCALATED);
            assertThat(old.priority()).isEqualTo(Priority.MEDIUM);
            assertThat(old.metadata()).containsKey("escalation_reason");
            assertThat(d.audit().query(AuditLog.Query.all().ticket("TKT-OLD")))
                    .extracting(e -> e.action()).containsExactly("triage", "escalate");
        }
        CliRun again = CliRun.runAt(A_DAY_LATER, Map.of(), "", "escalate",
                "--data-dir", data.toString(), "--json");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out().trim()).isEqualTo("[ ]");
    }

    @Test
    void dryRun_changesNothing() {
        CliRun run = CliRun.runAt(A_DAY_LATER, Map.of(), "", "escalate", "--dry-run",
                "--data-dir", data.toString());
        assertThat(run.err()).contains("would escalate 1");
        try (DataDirectory d = DataDirectory.openForReading(data, A_DAY_LATER)) {
            assertThat(d.tickets().get("TKT-OLD").orElseThrow().status())
                    .isEqualTo(Status.TRIAGED);
        }
    }

    @Test
    void corruptTicketFile_isReportedAndTheRestEscalated() throws IOException {
        Files.writeString(data.resolve("tickets").resolve("BROKEN.json"), "{\"ticket_id\": ");
        CliRun run = CliRun.runAt(A_DAY_LATER, Map.of(), "", "escalate",
                "--data-dir", data.toString());
        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(run.err()).contains("BROKEN.json").contains("escalated 1, corrupt 1");
    }
}
