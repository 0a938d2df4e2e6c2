package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.store.file.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sla commands, and SLAs through triage and escalate, with --now fixing the time. */
class SlaCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EXAMPLE_CONFIG = Path.of("..", "examples", "config-sla.json")
            .toString();

    @TempDir
    Path dir;

    private static String line(String id, String priority, String created, String extra) {
        return "{\"ticket_id\":\"" + id + "\",\"title\":\"Printer\",\"description\":\"jam\","
                + "\"requester_email\":\"a@example.com\",\"priority\":\"" + priority + "\","
                + "\"created_at\":\"" + created + "\"" + extra + "}";
    }

    private CliRun storeTickets(String now, String... lines) throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n", lines));
        return CliRun.run("triage", in.toString(), dir.resolve("out.json").toString(),
                "--store", "file", "--data-dir", dir.resolve("data").toString(), "--now", now);
    }

    @Test
    void due_printsPolicyCalendarAndBothDueTimes_asTextJsonAndExplained() throws IOException {
        CliRun json = CliRun.run("sla", "due", "--priority", "high", "--created",
                "2026-11-20T16:30:00Z", "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode n = MAPPER.readTree(json.out());
        assertThat(n.get("policy").asText()).isEqualTo("high");
        assertThat(n.get("calendar").asText()).isEqualTo("business");
        assertThat(n.get("first_response_due").asText()).isEqualTo("2026-11-23T09:30:00Z");
        assertThat(n.get("resolution_due").asText()).isEqualTo("2026-11-23T16:30:00Z");

        CliRun text = CliRun.run("sla", "due", "--priority", "urgent", "--created",
                "2026-11-20T16:30:00Z", "--explain");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("first_response_due   2026-11-23T09:30:00Z (Mon "
                        + "2026-11-23 09:30 UTC), PT1H of working time")
                .contains("    Fri 2026-11-20 16:30 UTC to Fri 2026-11-20 17:00 UTC  30 min")
                .contains("    Mon 2026-11-23 09:00 UTC to Mon 2026-11-23 16:30 UTC  7 h 30 min");

        CliRun explained = CliRun.run("sla", "due", "--priority", "low", "--created",
                "2026-11-20T16:30:00Z", "--json", "--explain");
        assertThat(MAPPER.readTree(explained.out()).get("explain").get("first_response"))
                .hasSize(2);
    }

    @Test
    void due_withTheExampleConfig_countsBerlinOfficeHoursAndChristmas() throws IOException {
        // Wed 2026-12-23 16:00 CET: 1 h to 17:00 (the first response, due at the range's end);
        // Thu 24 to Sat 26 are holidays or off, Sunday off, Monday 28 has 7 h: 8 h at 17:00 CET
        CliRun run = CliRun.run("sla", "due", "--config", EXAMPLE_CONFIG, "--priority", "high",
                "--created", "2026-12-23T15:00:00Z", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode n = MAPPER.readTree(run.out());
        assertThat(n.get("calendar").asText()).isEqualTo("office");
        assertThat(n.get("time_zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(n.get("first_response_due").asText()).isEqualTo("2026-12-23T16:00:00Z");
        assertThat(n.get("resolution_due").asText()).isEqualTo("2026-12-28T16:00:00Z");
    }

    @Test
    void due_refusesBadOptions_andAConfigurationWithoutPolicies() throws IOException {
        CliRun priority = CliRun.run("sla", "due", "--priority", "asap", "--created",
                "2026-11-20T16:30:00Z");
        assertThat(priority.exitCode()).isEqualTo(2);
        assertThat(priority.err()).contains("--priority 'asap' is not critical, high, medium or low");
        CliRun category = CliRun.run("sla", "due", "--priority", "low", "--category", "hr",
                "--created", "2026-11-20T16:30:00Z");
        assertThat(category.exitCode()).isEqualTo(2);
        CliRun time = CliRun.run("sla", "due", "--priority", "low", "--created", "soon");
        assertThat(time.exitCode()).isEqualTo(2);
        Path off = dir.resolve("off.json");
        Files.writeString(off, "{\"sla\": {\"policies\": []}}");
        CliRun none = CliRun.run("sla", "due", "--config", off.toString(), "--priority", "low",
                "--created", "2026-11-20T16:30:00Z");
        assertThat(none.exitCode()).isEqualTo(3);
        assertThat(none.err()).contains("SLAs are off");
    }

    @Test
    void due_pastYear9999_orOnACalendarOfHolidaysOnly_isLeftOutWithANote() throws IOException {
        CliRun late = CliRun.run("sla", "due", "--priority", "low", "--created",
                "9999-12-30T00:00:00Z");
        assertThat(late.exitCode()).as(late.err()).isZero();
        assertThat(late.out()).contains("resolution_due       none within the calendar's reach")
                .contains("note                 resolution_due left out: ");
        Path holidays = dir.resolve("holidays.json");
        Files.writeString(holidays, "{\"sla\": {\"calendars\": {\"business\": {"
                + "\"time_zone\": \"UTC\", \"hours\": {\"mon\": [\"09:00-17:00\"]},"
                + " \"holidays\": [\"0001-01-01/9999-12-31\"]}}}}");
        CliRun never = CliRun.run("sla", "due", "--config", holidays.toString(), "--json",
                "--priority", "low", "--created", "2026-11-20T16:30:00Z");
        assertThat(never.exitCode()).as(never.err()).isZero();
        assertThat(never.out()).contains("\"resolution_due\" : null", "\"notes\"",
                "resolution_due left out");
    }

    @Test
    void badSlaConfiguration_exitsThree_namingTheKeyPath() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                {"sla": {"calendars": {"office": {"time_zone": "UTC",
                  "hours": {"mon": ["09:00-17:00", "16:00-18:00"]}}}}}""");
        CliRun run = CliRun.run("triage", "--config", bad.toString(),
                Path.of("..", "examples", "ticket.json").toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains(bad + " line 2: sla.calendars.office.hours.mon[1]: "
                + "'16:00-18:00' overlaps '09:00-17:00' (sla.calendars.office.hours.mon[0])");
    }

    @Test
    void triage_rejectsAFutureCreation_namingTheField_andWritesTheSlaColumns()
            throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n",
                line("TKT-1", "high", "2026-11-20T16:30:00Z",
                        ",\"first_response_at\":\"2026-11-20T16:40:00Z\""),
                line("TKT-2", "high", "2026-11-22T16:30:00Z", "")));
        Path out = dir.resolve("out.csv");
        CliRun run = CliRun.run("triage", in.toString(), out.toString(), "--now",
                "2026-11-21T12:00:00Z");
        assertThat(run.exitCode()).isEqualTo(4);
        List<String> rejects = Files.readAllLines(dir.resolve("out.csv.rejects.jsonl"));
        assertThat(rejects).hasSize(1);
        assertThat(MAPPER.readTree(rejects.get(0)).get("errors").get(0).get("field").asText())
                .isEqualTo("created_at");
        List<String> csv = Files.readAllLines(out);
        assertThat(csv.get(0)).endsWith(",score_urgency,sla_policy,sla_calendar,"
                + "sla_first_response_due,sla_resolution_due,sla_first_response_met,"
                + "sla_resolution_met,notes");
        assertThat(csv.get(1)).contains(",high,business,2026-11-23T09:30:00Z,"
                + "2026-11-23T16:30:00Z,true,,");
    }

    @Test
    void status_listsStoredTicketsByState_withFilters() throws IOException {
        // Monday 2026-11-23, business hours 09:00-17:00 UTC
        assertThat(storeTickets("2026-11-23T09:00:00Z",
                line("TKT-HIGH", "high", "2026-11-23T09:00:00Z", ""),
                line("TKT-LOW", "low", "2026-11-23T09:00:00Z", ""),
                line("TKT-DONE", "low", "2026-11-23T09:00:00Z",
                        ",\"status\":\"resolved\",\"resolved_at\":\"2026-11-23T09:00:00Z\""))
                .exitCode()).isZero();
        String data = dir.resolve("data").toString();
        // 15:00: high's first response (1 h) is breached, low's (8 h) at 6 h is at risk
        CliRun table = CliRun.run("sla", "status", "--data-dir", data, "--now",
                "2026-11-23T15:00:00Z");
        assertThat(table.exitCode()).as(table.err()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines.get(0)).startsWith("TICKET_ID");
        assertThat(lines.subList(1, lines.size())).extracting(l -> l.split("\\s+")[0] + " "
                + l.split("\\s+")[1]).containsExactly("TKT-HIGH breached", "TKT-LOW at_risk",
                "TKT-DONE met");
        assertThat(table.err()).contains("3 ticket(s) with an SLA: 1 breached, 1 at risk, 1 met");

        CliRun breached = CliRun.run("sla", "status", "--data-dir", data, "--now",
                "2026-11-23T15:00:00Z", "--breached", "--json");
        JsonNode rows = MAPPER.readTree(breached.out());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("ticket_id").asText()).isEqualTo("TKT-HIGH");
        assertThat(rows.get(0).get("first_response").asText()).isEqualTo("breached");
        assertThat(rows.get(0).get("resolution").asText()).isEqualTo("at_risk");
        CliRun both = CliRun.run("sla", "status", "--data-dir", data, "--now",
                "2026-11-23T15:00:00Z", "--breached", "--at-risk", "--json");
        assertThat(MAPPER.readTree(both.out())).hasSize(2);

        Files.writeString(dir.resolve("data").resolve("tickets").resolve("TKT-BAD.json"), "{");
        CliRun corrupt = CliRun.run("sla", "status", "--data-dir", data, "--now",
                "2026-11-23T15:00:00Z");
        assertThat(corrupt.exitCode()).isEqualTo(6);
        assertThat(corrupt.out()).contains("TKT-HIGH");
    }

    @Test
    void escalate_appliesTheStages_auditsAndCountsThem_onceEach() throws IOException {
        assertThat(storeTickets("2026-11-23T08:00:00Z",
                line("TKT-1", "high", "2026-11-23T08:00:00Z", "")).exitCode()).isZero();
        String data = dir.resolve("data").toString();
        Path prom = dir.resolve("m.prom");
        // Berlin office: 09:00-12:30, 13:30-17:00 CET; 8 h run out on Tuesday at 10:00 CET;
        // Wednesday 16:00 CET is 1.5 x (8 + 7 + 6.5 = 21.5 h > 12 h) and 2 x (> 16 h)
        CliRun run = CliRun.run("escalate", "--config", EXAMPLE_CONFIG, "--data-dir", data,
                "--now", "2026-11-25T15:00:00Z", "--metrics-file", prom.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode done = MAPPER.readTree(run.out());
        assertThat(done).extracting(e -> e.get("stage").asText()).containsExactly("at_risk",
                "first_response_breached", "breached", "senior", "manager");
        assertThat(run.err()).contains("escalated 5 (SLA stages, on 1 ticket(s))");
        assertThat(Files.readAllLines(prom)).contains(
                "helpdesk_triage_sla_stages_total{command=\"escalate\",stage=\"breached\"} 1.0",
                "helpdesk_triage_sla_stages_total{command=\"escalate\",stage=\"manager\"} 1.0");
        try (DataDirectory d = DataDirectory.openForReading(Path.of(data), Clock.systemUTC())) {
            var t = d.tickets().get("TKT-1").orElseThrow();
            assertThat(t.assignedTo()).isEqualTo("engineering-manager");
            assertThat(t.priority().id()).isEqualTo("critical");
            assertThat(t.status().id()).isEqualTo("escalated");
            assertThat(t.tags()).contains("sla-at-risk", "first-response-breached",
                    "sla-breached");
            List<AuditLog.Entry> audit = d.audit().query(AuditLog.Query.all().ticket("TKT-1"));
            assertThat(audit).filteredOn(e -> e.action().equals("escalate"))
                    .extracting(e -> e.changes().get("sla_stage").to()).containsExactly(
                            "at_risk", "first_response_breached", "breached", "senior",
                            "manager");
        }
        CliRun again = CliRun.run("escalate", "--config", EXAMPLE_CONFIG, "--data-dir", data,
                "--now", "2026-11-30T15:00:00Z", "--json");
        assertThat(MAPPER.readTree(again.out())).isEmpty();
        CliRun status = CliRun.run("sla", "status", "--config", EXAMPLE_CONFIG, "--data-dir",
                data, "--now", "2026-11-30T15:00:00Z", "--json");
        assertThat(MAPPER.readTree(status.out()).get(0).get("state").asText())
                .isEqualTo("breached");
    }
}
