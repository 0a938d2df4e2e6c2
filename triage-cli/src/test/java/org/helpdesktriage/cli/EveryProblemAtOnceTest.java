package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * config validate reports every problem at once, SLA sections and each rule's parts included;
 * the other commands print the first and say how many more there are and how to see them.
 */
class EveryProblemAtOnceTest {

    @TempDir
    Path dir;

    private Path sla() throws IOException {
        Path config = dir.resolve("sla.json");
        Files.writeString(config, String.join("\n",
                "{\"sla\": {\"calendars\": {",
                "   \"office\": {\"time_zone\": \"UTC\", \"hours\": {\"mon\": [\"09:00-17:00\","
                        + " \"16:00-18:00\"]}},",
                "   \"berlin\": {\"time_zone\": \"Mars/Olympus\", \"hours\": {\"mon\": "
                        + "[\"09:00-17:00\"]}}},",
                " \"policies\": [",
                "   {\"id\": \"fast\", \"condition\": {\"all\": []}, \"calendar\": \"24x7\", "
                        + "\"first_response\": \"PT0S\", \"resolution\": \"PT4H\"},",
                "   {\"id\": \"local\", \"condition\": {\"all\": []}, \"calendar\": \"berlin\", "
                        + "\"first_response\": \"PT1H\", \"resolution\": \"PT8H\"}",
                " ]}}"));
        return config;
    }

    @Test
    void threeSlaProblems_areListedAtOnce_eachWithLineAndKeyPath() throws IOException {
        CliRun run = CliRun.run("config", "validate", sla().toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out().lines()).containsExactly(
                dir.resolve("sla.json") + " line 2: sla.calendars.office.hours.mon[1]: "
                        + "'16:00-18:00' overlaps '09:00-17:00' "
                        + "(sla.calendars.office.hours.mon[0])",
                dir.resolve("sla.json") + " line 3: sla.calendars.berlin.time_zone: "
                        + "'Mars/Olympus' is not a time zone; give an IANA name such as "
                        + "\"Europe/Berlin\", \"America/New_York\" or \"UTC\"",
                dir.resolve("sla.json") + " line 5: sla.policies[0].first_response: 'PT0S' "
                        + "must be a positive duration");
        assertThat(run.err()).contains("3 problems");
    }

    @Test
    void aBadRegex_doesNotHideTheSameRulesBadCategory() throws IOException {
        Path config = dir.resolve("rule.json");
        Files.writeString(config, "{\"rules\": [{\"id\": \"bad\", \"priority\": \"high\", "
                + "\"condition\": {\"field\": \"title\", \"op\": \"matches\", \"value\": "
                + "\"(unclosed\"}, \"actions\": {\"category\": \"nonexistent\"}}]}");

        CliRun run = CliRun.run("config", "validate", config.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out().lines()).hasSize(2);
        assertThat(run.out()).contains("invalid regex '(unclosed'")
                .contains("action category 'nonexistent' is not a configured category");
    }

    @Test
    void otherCommands_printTheFirstProblem_andPointToConfigValidate() throws IOException {
        Path config = sla();
        Path in = dir.resolve("in.json");
        Files.writeString(in, "{\"ticket_id\":\"T1\",\"title\":\"t\",\"description\":\"d\","
                + "\"requester_email\":\"a@example.com\"}");

        CliRun run = CliRun.run("triage", in.toString(), dir.resolve("out.json").toString(),
                "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("overlaps '09:00-17:00'")
                .contains("2 more: run helpdesk-triage config validate " + config)
                .doesNotContain("Mars/Olympus");
        assertThat(dir.resolve("out.json")).doesNotExist();
    }
}
