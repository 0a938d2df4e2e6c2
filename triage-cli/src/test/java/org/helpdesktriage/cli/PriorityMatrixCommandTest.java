package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code triage} with a configuration that has a priority_matrix, as a user runs it. */
class PriorityMatrixCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CONFIG = "{\"priority_matrix\": {"
            + "\"impact\": [\"high\", \"medium\", \"low\"],"
            + "\"urgency\": [\"high\", \"medium\", \"low\"],"
            + "\"priority\": [[\"critical\", \"high\", \"medium\"],"
            + " [\"high\", \"medium\", \"low\"], [\"medium\", \"low\", \"low\"]]},"
            + "\"rules\": [{\"id\": \"sap\", \"priority\": \"low\", \"condition\": {\"field\":"
            + " \"title\", \"op\": \"contains_any_word\", \"value\": [\"sap\"]}, \"actions\":"
            + " {\"set_impact\": \"high\", \"require_skills\": [\"sap\"]}}]}";

    @TempDir
    Path dir;

    private static String ticket(String id, String title, String fields) {
        return "{\"ticket_id\": \"" + id + "\", \"title\": \"" + title + "\", \"description\":"
                + " \"see title\", \"requester_email\": \"ann@example.com\", \"category\":"
                + " \"general\", \"priority\": \"medium\", \"created_at\": "
                + "\"2026-11-21T11:00:00Z\", " + fields + "}";
    }

    private List<JsonNode> triage(String... extra) throws IOException {
        Path config = Files.writeString(dir.resolve("config.json"), CONFIG);
        Path in = Files.writeString(dir.resolve("in.jsonl"), String.join("\n",
                ticket("T-1", "Mouse broken", "\"Impact\": \"1 - High\", \"Urgency\": \"1 - High\""),
                ticket("T-2", "SAP down", "\"impact\": \"3 - Low\", \"urgency\": \"2 - Medium\""),
                ticket("T-3", "Mouse broken", "\"impact\": \"severe\", \"urgency\": \"low\""))
                + "\n");
        Path out = dir.resolve("out.jsonl");
        String[] args = List.of("triage", in.toString(), out.toString(), "--config",
                config.toString()).toArray(String[]::new);
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.Arrays.stream(extra)).toArray(String[]::new);
        CliRun run = CliRun.run(all);
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> results = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            results.add(MAPPER.readTree(line));
        }
        return results;
    }

    @Test
    void triage_givesTheMatrixPriority_fromFieldsAndRules() throws IOException {
        List<JsonNode> r = triage();
        assertThat(r).extracting(n -> n.path("routing").path("priority").asText())
                .containsExactly("critical", "high", "medium");
        assertThat(r).extracting(n -> n.path("ticket").path("priority").asText())
                .containsExactly("critical", "high", "medium");
        assertThat(r.get(0).has("notes")).isFalse();
        assertThat(r.get(2).path("notes").get(0).asText()).isEqualTo("impact 'severe' is not "
                + "a level of the priority_matrix [high, medium, low]; ignored");
        assertThat(r.get(0).path("ticket").path("metadata").path("impact").asText())
                .isEqualTo("1 - High");
    }

    @Test
    void explain_saysWhatDecidedThePriority() throws IOException {
        List<JsonNode> r = triage("--explain");
        assertThat(r.get(0).path("notes").get(0).asText()).isEqualTo("priority 'critical' from"
                + " the priority_matrix: impact 'high' from field impact, urgency 'high' from "
                + "field urgency");
        assertThat(r.get(1).path("notes").get(0).asText()).isEqualTo("priority 'high' from the"
                + " priority_matrix: impact 'high' from rule 'sap' set_impact, urgency 'medium' "
                + "from field urgency");
        assertThat(r.get(2).path("notes")).extracting(JsonNode::asText).containsExactly(
                "impact 'severe' is not a level of the priority_matrix [high, medium, low]; "
                        + "ignored",
                "priority 'medium' not from the priority_matrix nor a rule's actions.priority: "
                        + "no impact known (urgency 'low' from field urgency)");
        assertThat(r.get(0).path("explanation").isArray()).isTrue();
    }
}
