package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.store.file.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 28's scenario on the file store: triage the example tickets with the SLA configuration,
 * escalate, and import the same export again; the re-import keeps the escalation and audits only
 * what the source changed, and escalate still applies the later stages.
 */
class ReimportTest {

    static final Path EXAMPLES = Path.of("..", "examples");
    static final String ID = "TKT-20261120-92DE4061";
    // Friday evening's ticket breaches its 8 office hours on Tuesday 10:00 Berlin; 1.5 times
    // the target (stage 'senior') is Tuesday 15:00 Berlin
    static final Instant TRIAGED = Instant.parse("2026-11-21T12:00:00Z");
    static final Instant ESCALATED = Instant.parse("2026-11-24T12:00:00Z");
    static final Instant REIMPORTED = Instant.parse("2026-11-24T13:00:00Z");
    static final Instant AGAIN = Instant.parse("2026-11-24T13:30:00Z");
    static final Instant LATER = Instant.parse("2026-11-24T15:00:00Z");

    @TempDir
    Path dir;

    static CliRun at(Instant when, Map<String, String> env, String... args) {
        return CliRun.runAt(Clock.fixed(when, ZoneOffset.UTC), env, "", args);
    }

    /** Returns the example tickets with the title of {@link #ID} edited, as a new file. */
    static Path withEditedTitle(Path dir) throws IOException {
        String json = Files.readString(EXAMPLES.resolve("tickets.json"));
        int at = json.indexOf("\"ticket_id\": \"" + ID + "\"");
        int title = json.indexOf("\"title\": \"", at) + "\"title\": \"".length();
        Path edited = dir.resolve("tickets-edited.json");
        Files.writeString(edited, json.substring(0, title) + "[edited] "
                + json.substring(title));
        return edited;
    }

    private CliRun triage(Instant when, Path in) {
        return at(when, Map.of(), in.toString(), dir.resolve("out.json").toString(), "--store",
                "file", "--data-dir", dir.resolve("data").toString(), "--config",
                EXAMPLES.resolve("config-sla.json").toString());
    }

    private CliRun escalate(Instant when) {
        return at(when, Map.of(), "escalate", "--data-dir", dir.resolve("data").toString(),
                "--config", EXAMPLES.resolve("config-sla.json").toString());
    }

    private Ticket stored() {
        try (DataDirectory d = DataDirectory.openForReading(dir.resolve("data"),
                Clock.systemUTC())) {
            return d.tickets().get(ID).orElseThrow();
        }
    }

    private List<AuditLog.Entry> audit() {
        try (DataDirectory d = DataDirectory.openForReading(dir.resolve("data"),
                Clock.systemUTC())) {
            return d.audit().query(AuditLog.Query.all().ticket(ID));
        }
    }

    @Test
    void reimport_keepsTheEscalation_auditsOnlyRealChanges_andEscalateGoesOn()
            throws IOException {
        Path tickets = EXAMPLES.resolve("tickets.json");
        assertThat(triage(TRIAGED, tickets).exitCode()).isIn(0, 4);
        CliRun escalate = escalate(ESCALATED);
        assertThat(escalate.exitCode()).as(escalate.err()).isZero();
        Ticket escalated = stored();
        assertThat(escalated).extracting(Ticket::status, Ticket::priority, Ticket::assignedTo)
                .containsExactly(Status.ESCALATED, Priority.CRITICAL, "on-call");
        int entries = audit().size();

        assertThat(triage(REIMPORTED, tickets).exitCode()).isIn(0, 4);
        assertThat(stored()).as("an unchanged re-import changes nothing").isEqualTo(escalated);
        assertThat(audit()).as("and writes no audit entry").hasSize(entries);

        Path edited = withEditedTitle(dir);
        assertThat(triage(REIMPORTED, edited).exitCode()).isIn(0, 4);
        assertThat(stored()).extracting(Ticket::status, Ticket::priority, Ticket::assignedTo)
                .containsExactly(Status.ESCALATED, Priority.CRITICAL, "on-call");
        List<AuditLog.Entry> after = audit();
        assertThat(after).hasSize(entries + 1);
        AuditLog.Entry entry = after.get(after.size() - 1);
        assertThat(entry.action()).isEqualTo("triage");
        assertThat(entry.changes()).containsOnlyKeys("title");
        assertThat(entry.changes().get("title").from()).isEqualTo(escalated.title());
        assertThat(entry.changes().get("title").to()).startsWith("[edited] ");

        assertThat(triage(AGAIN, edited).exitCode()).isIn(0, 4);
        assertThat(audit()).as("a second unchanged re-import writes nothing").hasSize(
                entries + 1);

        CliRun later = escalate(LATER);
        assertThat(later.exitCode()).as(later.err()).isZero();
        List<AuditLog.Entry> stages = audit().subList(entries + 1, audit().size());
        assertThat(stages).extracting(e -> e.changes().get("sla_stage").to())
                .as("the stages applied before the re-import are not applied again")
                .containsExactly("senior");
        assertThat(stored().assignedTo()).isEqualTo("senior-engineers");
    }
}
