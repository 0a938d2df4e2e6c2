package org.helpdesktriage.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The shape of the {@code sla} key of {@code config.json}; every key optional. */
record SlaSection(
        @JsonProperty("calendars") Map<String, Calendar> calendars,
        @JsonProperty("policies") List<Policy> policies,
        @JsonProperty("pause_statuses") List<String> pauseStatuses,
        @JsonProperty("at_risk") Double atRisk,
        @JsonProperty("escalation") List<Stage> escalation) {

    /** A named calendar. */
    record Calendar(
            @JsonProperty("time_zone") String timeZone,
            @JsonProperty("hours") Map<String, List<String>> hours,
            @JsonProperty("holidays") List<String> holidays) {
    }

    /** A policy. */
    record Policy(
            @JsonProperty("id") String id,
            @JsonProperty("condition") JsonNode condition,
            @JsonProperty("calendar") String calendar,
            @JsonProperty("first_response") String firstResponse,
            @JsonProperty("resolution") String resolution) {
    }

    /** An escalation stage. */
    record Stage(
            @JsonProperty("id") String id,
            @JsonProperty("target") String target,
            @JsonProperty("at") Double at,
            @JsonProperty("actions") StageActions actions) {
    }

    /** What a stage does. */
    record StageActions(
            @JsonProperty("category") String category,
            @JsonProperty("assign_to") String assignTo,
            @JsonProperty("priority") String priority,
            @JsonProperty("tags") List<String> tags,
            @JsonProperty("raise_priority") Integer raisePriority,
            @JsonProperty("status") String status) {
    }
}
