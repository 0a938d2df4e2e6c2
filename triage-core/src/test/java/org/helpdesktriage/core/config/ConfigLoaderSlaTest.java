package org.helpdesktriage.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.rules.RuleDefinition;
import org.helpdesktriage.core.sla.Sla;
import org.helpdesktriage.core.sla.SlaSettings;
import org.helpdesktriage.core.sla.TimeRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sla key: what it reads, how it merges, and the errors that name its key paths. */
class ConfigLoaderSlaTest {

    @TempDir
    Path dir;

    private TriageConfig load(String json) {
        Path file = dir.resolve("config.json");
        try {
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ConfigLoader.load(Optional.of(file), Map.of(), Map.of());
    }

    private void assertError(String json, String message) {
        assertThatThrownBy(() -> load(json)).isInstanceOf(TriageException.class)
                .satisfies(e -> assertThat(((TriageException) e).code())
                        .isEqualTo(ErrorCode.CONFIG_INVALID))
                .hasMessage(dir.resolve("config.json") + message);
    }

    private static final String OFFICE = """
            {"sla": {"calendars": {"office": {
              "time_zone": "Europe/Berlin",
              "hours": {"mon": ["00:00-06:00", "22:00-24:00"], "fri": ["09:00-17:00"]},
              "holidays": ["2026-12-24/2026-12-26", "2026-12-31"]}}}}
            """;

    @Test
    void defaults_haveTheFourShippedPolicies() {
        SlaSettings sla = TriageConfig.defaults().sla();
        assertThat(sla.policies()).extracting(p -> p.id() + " " + p.calendar().id() + " "
                + p.firstResponse() + " " + p.resolution()).containsExactly(
                "critical 24x7 PT15M PT4H", "high business PT1H PT8H",
                "medium business PT4H PT24H", "low business PT8H PT72H");
        assertThat(sla.calendar("business").orElseThrow().hours().get(DayOfWeek.SATURDAY))
                .isEmpty();
        assertThat(sla.atRisk()).isEqualTo(0.75);
        assertThat(sla.hasStages()).isFalse();
    }

    @Test
    void aFilesCalendars_mergeWithTheDefaultPolicies() {
        TriageConfig c = load(OFFICE.replace("\"office\"", "\"business\""));
        SlaSettings sla = c.sla();
        assertThat(sla.policies()).hasSize(4);
        var business = sla.calendar("business").orElseThrow();
        assertThat(business.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(business.hours().get(DayOfWeek.MONDAY)).containsExactly(
                TimeRange.parse("00:00-06:00"), TimeRange.parse("22:00-24:00"));
        assertThat(business.holidays()).hasSize(2);
        assertThat(ConfigLoader.fingerprint(c))
                .isNotEqualTo(ConfigLoader.fingerprint(TriageConfig.defaults()));
    }

    @Test
    void stagesAndPauses_areRead() {
        TriageConfig c = load("""
                {"sla": {"pause_statuses": ["assigned"], "at_risk": 0.5, "escalation": [
                  {"id": "at_risk", "target": "resolution", "at": 0.75,
                   "actions": {"tags": ["sla-at-risk"]}},
                  {"id": "breached", "target": "first_response", "at": 1.0,
                   "actions": {"raise_priority": 1, "status": "escalated",
                               "assign_to": "on-call"}}]}}""");
        assertThat(c.sla().pauseStatuses()).containsExactly(Status.ASSIGNED);
        assertThat(c.sla().atRisk()).isEqualTo(0.5);
        assertThat(c.sla().escalation()).extracting(s -> s.id() + " " + s.target() + " " + s.at())
                .containsExactly("at_risk resolution 0.75", "breached first_response 1.0");
        assertThat(c.sla().escalation().get(1).target()).isEqualTo(Sla.Target.FIRST_RESPONSE);
    }

    @Test
    void badCalendars_nameTheKeyPathAndLine() {
        assertError(OFFICE.replace("Europe/Berlin", "Europe/Berln"), " line 2: "
                + "sla.calendars.office.time_zone: 'Europe/Berln' is not a time zone; give an "
                + "IANA name such as \"Europe/Berlin\", \"America/New_York\" or \"UTC\"");
        assertError(OFFICE.replace("22:00-24:00", "22:00-25:00"), " line 3: "
                + "sla.calendars.office.hours.mon[1]: '22:00-25:00' ends at 25:00, which is not "
                + "a time of day (00:00 to 24:00)");
        assertError(OFFICE.replace("22:00-24:00", "05:00-07:00"), " line 3: "
                + "sla.calendars.office.hours.mon[1]: '05:00-07:00' overlaps '00:00-06:00' "
                + "(sla.calendars.office.hours.mon[0])");
        assertError(OFFICE.replace("\"2026-12-31\"", "\"2026-12-32\""), " line 4: "
                + "sla.calendars.office.holidays[1]: '2026-12-32' is not a date (2026-12-25) or "
                + "a date range (2026-12-24/2026-12-26)");
        assertError(OFFICE.replace("\"fri\"", "\"friday\""), " line 3: "
                + "sla.calendars.office.hours.friday: 'friday' is not a day; use [mon, tue, wed, "
                + "thu, fri, sat, sun]");
        assertError("{\"sla\": {\"calendars\": {\"24x7\": {\"time_zone\": \"UTC\"}}}}",
                " line 1: sla.calendars.24x7: '24x7' is the built-in calendar, on which every "
                        + "moment is working time; give yours another name");
        assertError("{\"sla\": {\"calendars\": {\"x\": {\"time_zone\": \"UTC\", \"hours\": {}}}}}",
                " line 1: sla.calendars.x.hours: calendar 'x' has no working hours on any day;"
                        + " give at least one range, e.g. \"mon\": [\"09:00-17:00\"]");
    }

    @Test
    void badPolicies_nameTheKeyPath() {
        String policy = """
                {"sla": {"policies": [
                  {"id": "p", "condition": {"all": []}, "calendar": "CAL",
                   "first_response": "FR", "resolution": "PT8H"}]}}""";
        assertError(policy.replace("CAL", "ofice").replace("FR", "PT1H"), " line 2: "
                + "sla.policies[0].calendar: policy 'p' names calendar 'ofice', which is not "
                + "configured (calendars: 24x7, business)");
        assertError(policy.replace("CAL", "24x7").replace("FR", "PT0S"), " line 3: "
                + "sla.policies[0].first_response: 'PT0S' must be a positive duration");
        assertError(policy.replace("CAL", "24x7").replace("FR", "-PT1H"), " line 3: "
                + "sla.policies[0].first_response: '-PT1H' must be a positive duration");
        assertError(policy.replace("CAL", "24x7").replace("FR", "1 hour"), " line 3: "
                + "sla.policies[0].first_response: '1 hour' is not an ISO-8601 duration such as"
                + " \"PT15M\", \"PT4H\" or \"P2D\" (weeks as days: \"P14D\")");
        assertError(policy.replace("CAL", "24x7").replace("FR", "PT1H")
                .replace("{\"all\": []}", "{\"field\": \"colour\", \"op\": \"equals\","
                        + " \"value\": \"red\"}"), " line 2: SLA policy 'p': condition field "
                + "'colour' is not a known field (known: title, description, text, category, "
                + "priority, status, requester_email, requester_domain, tags, metadata.<key>, "
                + "age_hours, predicted_category, prediction_confidence) "
                + "(at sla.policies[0].condition)");
    }

    @Test
    void badStages_nameTheKeyPath() {
        assertError("{\"sla\": {\"escalation\": [{\"id\": \"s\", \"actions\": {}}]}}",
                " line 1: sla.escalation[0]: stage 's' has no trigger: give \"target\" "
                        + "(first_response or resolution) and \"at\" (the elapsed fraction: "
                        + "0.75, 1.0, 1.5)");
        assertError("{\"sla\": {\"escalation\": [{\"id\": \"s\", \"target\": \"resolution\","
                + " \"at\": -0.5}]}}", " line 1: sla.escalation[0].at: must be a fraction 0 or "
                + "more (1.0: the target reached), got -0.5");
        assertError("{\"sla\": {\"escalation\": [{\"id\": \"s\", \"target\": \"resolution\","
                + " \"at\": 1, \"actions\": {\"status\": \"new\"}}]}}", " line 1: "
                + "sla.escalation[0].actions.status: a stage cannot set 'new': no ticket moves "
                + "back to it");
        assertError("{\"sla\": {\"escalation\": [{\"id\": \"s\", \"target\": \"resolution\","
                + " \"at\": 1, \"actions\": {\"category\": \"hr\"}}]}}", " line 1: "
                + "sla.escalation[0].actions.category: 'hr' is not a configured category "
                + "(configured: technical, billing, account, feature, bug, general)");
        assertError("{\"sla\": {\"policies\": [], \"escalation\": [{\"id\": \"s\", "
                + "\"target\": \"resolution\", \"at\": 1}]}}", " line 1: sla.escalation: stages "
                + "measure SLA targets, but sla.policies is empty; add policies, or remove the "
                + "stages to keep escalation_threshold_hours");
        assertError("{\"sla\": {\"at_risk\": 1.5}}", " line 1: sla.at_risk: must be a fraction "
                + "above 0 and at most 1 (0.75: at risk once three quarters of a target have "
                + "elapsed), got 1.5");
        assertError("{\"sla\": {\"pause_statuses\": [\"waiting\"]}}", " line 1: "
                + "sla.pause_statuses[0]: 'waiting' is not a status (new, triaged, assigned, "
                + "in_progress, resolved, closed, escalated)");
    }

    @Test
    void unknownKeysAndWrongTypes_areReportedWithTheirLine() {
        assertThatThrownBy(() -> load("{\"sla\": {\n \"calendars\": {\"x\": {\"zone\": \"UTC\"}}}}"))
                .hasMessageContaining("line 2: unknown key 'zone' at $.sla.calendars.x.zone");
        assertThatThrownBy(() -> load("{\"sla\": {\"at_risk\": \"high\"}}"))
                .hasMessageContaining("bad value at $.sla.at_risk");
    }

    @Test
    void ruleSlaAction_mustNameAPolicy_inTheFileAndForAnEngineBuiltInCode() {
        assertError("""
                {"rules": [{"id": "vip", "priority": "high", "condition": {"all": []},
                            "actions": {"sla": "gold"}}]}""", " line 2: "
                + "rules[0].actions.sla: rule 'vip' applies SLA policy 'gold', which is not "
                + "configured (policies: critical, high, medium, low)");
        TriageConfig code = TriageConfig.defaults().withRules(java.util.List.of(
                new RuleDefinition("vip", null, "high",
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                                .set("all", com.fasterxml.jackson.databind.node.JsonNodeFactory
                                        .instance.arrayNode()),
                        new RuleDefinition.Actions(null, null, null, null, null, "gold"),
                        null)));
        assertThatThrownBy(() -> TriageEngine.builder().config(code).build())
                .hasMessage("rule 'vip' applies SLA policy 'gold', which is not configured");
    }

    @Test
    void targetsAreCapped_soNoDueTimeWalksForCenturies() {
        assertThat(SlaConfigReader.MAX_TARGET).isEqualTo(Duration.ofDays(3660));
        assertError("""
                {"sla": {"policies": [{"id": "p", "condition": {"all": []}, "calendar": "24x7",
                  "first_response": "PT1H", "resolution": "P4000D"}]}}""", " line 2: "
                + "sla.policies[0].resolution: 'P4000D' is longer than the longest target, 3660 "
                + "days");
    }

    @Test
    void holidaysOutsideTheSupportedYears_areRefused() {
        for (String day : new String[] {"0000-01-01", "+99999-01-01"}) {
            assertThatThrownBy(() -> load(OFFICE.replace("2026-12-31", day)))
                    .isInstanceOf(TriageException.class)
                    .hasMessageContaining("holidays[1]")
                    .hasMessageContaining("is outside the supported years 0001 to 9999");
        }
    }

    @Test
    void aFirstResponseLongerThanTheResolution_isFlagged() {
        assertThatThrownBy(() -> load("""
                {"sla": {"policies": [{"id": "p", "condition": {"all": []}, "calendar": "24x7",
                  "first_response": "PT48H", "resolution": "PT24H"}]}}"""))
                .isInstanceOf(TriageException.class)
                .hasMessageContaining("sla.policies[0].first_response")
                .hasMessageContaining("first response (PT48H) longer than its resolution (PT24H)");
    }
}
