package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesktriage.cli.OpsFixtures.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.store.file.FileAuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path root;

    @BeforeEach
    void auditLog() {
        entry("2026-11-19T23:59:59Z", "TKT-1", "alice", "triage");
        entry("2026-11-20T08:00:00Z", "TKT-1", "helpdesk-triage", "escalate");
        entry("2026-11-20T09:00:00Z", "TKT-2", "alice", "triage");
        entry("2026-11-21T00:00:00Z", "TKT-1", "bob", "delete");
    }

    private void entry(String time, String ticket, String actor, String action) {
        Instant t = Instant.parse(time);
        try (FileAuditLog log = new FileAuditLog(root, Clock.fixed(t, ZoneOffset.UTC))) {
            log.append(new AuditLog.Entry(t, actor, action, ticket,
                    Map.of("status", new AuditLog.Entry.Change("new", "triaged")), "run-1"));
        }
    }

    private static List<String> times(CliRun run) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> out = new ArrayList<>();
        MAPPER.readTree(run.out()).forEach(n -> out.add(n.get("time").asText()));
        return out;
    }

    @Test
    void table_listsEveryEntryOldestFirst() {
        CliRun run = cli("audit", "--data-dir", root.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("TIME").contains("ACTOR", "ACTION", "TICKET_ID");
        assertThat(lines.get(1)).startsWith("2026-11-19T23:59:59Z").contains("alice",
                "status: new -> triaged");
    }

    @Test
    void filters_ticketActorAndDateRange() throws IOException {
        assertThat(times(cli("audit", "--json", "--ticket", "TKT-1", "--data-dir",
                root.toString()))).containsExactly("2026-11-19T23:59:59Z",
                        "2026-11-20T08:00:00Z", "2026-11-21T00:00:00Z");
        assertThat(times(cli("audit", "--json", "--actor", "alice", "--data-dir",
                root.toString()))).containsExactly("2026-11-19T23:59:59Z",
                        "2026-11-20T09:00:00Z");
        assertThat(times(cli("audit", "--json", "--since", "2026-11-20", "--until",
                "2026-11-21", "--data-dir", root.toString())))
                        .containsExactly("2026-11-20T08:00:00Z", "2026-11-20T09:00:00Z");
        assertThat(times(cli("audit", "--json", "--since", "2026-11-20T08:30:00Z",
                "--data-dir", root.toString())))
                        .containsExactly("2026-11-20T09:00:00Z", "2026-11-21T00:00:00Z");
    }

    @Test
    void limit_keepsTheMostRecentEntries() throws IOException {
        CliRun run = cli("audit", "--json", "--limit", "2", "--data-dir", root.toString());
        assertThat(times(run)).containsExactly("2026-11-20T09:00:00Z", "2026-11-21T00:00:00Z");
        JsonNode last = MAPPER.readTree(run.out()).get(1);
        assertThat(last.get("actor").asText()).isEqualTo("bob");
        assertThat(last.get("changes").get("status").get("to").asText()).isEqualTo("triaged");
        assertThat(last.get("run_id").asText()).isEqualTo("run-1");
    }

    @Test
    void badTime_isAUsageErrorSayingWhatIsExpected() {
        CliRun run = cli("audit", "--since", "yesterday", "--data-dir", root.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'yesterday'", "ISO-8601", "2026-11-20");
    }

    @Test
    void untilBeforeSince_isAUsageError() {
        CliRun run = cli("audit", "--since", "2026-11-21", "--until", "2026-11-20",
                "--data-dir", root.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--until");
    }
}
