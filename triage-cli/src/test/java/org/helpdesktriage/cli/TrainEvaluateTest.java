package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainEvaluateTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[][] WORDS = {
        {"Billing", "invoice refund payment charge card receipt"},
        {"Bug", "crash stack trace exception broken button error"},
        {"Feature", "please add support option wish would like new"}};

    @TempDir
    Path dir;
    Path labelled;
    Path config;

    @BeforeEach
    void writeFiles() throws IOException {
        StringBuilder csv = new StringBuilder("Text,Kind\n");
        for (int i = 0; i < 60; i++) {
            String[] row = WORDS[i % 3];
            String[] w = row[1].split(" ");
            csv.append(w[i % w.length]).append(' ').append(w[(i + 2) % w.length])
                    .append(" ticket number ").append(i).append(',').append(row[0]).append('\n');
        }
        labelled = dir.resolve("labelled.csv");
        Files.writeString(labelled, csv);
        config = dir.resolve("config.json");
        Files.writeString(config, "{\"rules\": [{\"id\": \"invoices\", \"priority\": \"low\","
                + " \"condition\": {\"field\": \"text\", \"op\": \"contains_any_word\","
                + " \"value\": [\"invoice\"]}, \"actions\": {\"category\": \"billing\"}}],"
                + " \"classifier\": {\"model\": \"model.json\", \"min_confidence\": 0.5}}");
    }

    private CliRun train(String out) {
        return CliRun.run("train", labelled.toString(), "--label-field", "kind",
                "--text-field", "text", "--out", dir.resolve(out).toString(),
                "--config", dir.resolve("config-none.json").toString());
    }

    @Test
    void train_writesTheSameModelForTheSameDataAndSeed() throws IOException {
        Files.writeString(dir.resolve("config-none.json"), "{}");
        CliRun first = train("a.json");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("billing").contains("20");
        assertThat(train("b.json").exitCode()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("a.json")))
                .isEqualTo(Files.readAllBytes(dir.resolve("b.json")));
    }

    @Test
    void evaluate_withTrainedModel_reportsWhatDecided() throws IOException {
        Files.writeString(dir.resolve("config-none.json"), "{}");
        assertThat(train("model.json").exitCode()).isZero();
        CliRun run = CliRun.run("evaluate", labelled.toString(), "--label-field", "kind",
                "--text-field", "text", "--config", config.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode n = MAPPER.readTree(run.out());
        assertThat(n.get("total").asInt()).isEqualTo(60);
        assertThat(n.get("accuracy").asDouble()).isGreaterThan(0.9);
        assertThat(n.get("decided_by").get("rule").asInt()).isPositive();
        assertThat(n.get("decided_by").get("model").asInt()).isPositive();
        assertThat(n.get("labels")).extracting(JsonNode::asText)
                .containsExactly("billing", "bug", "feature");
    }

    @Test
    void evaluate_crossValidation_trainsPerFold() throws IOException {
        Path rulesOnly = dir.resolve("rules-only.json");
        Files.writeString(rulesOnly, "{\"rules\": []}");
        CliRun run = CliRun.run("evaluate", labelled.toString(), "--label-field", "kind",
                "--text-field", "text", "--config", rulesOnly.toString(), "--folds", "3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("accuracy").contains("model alone");
        assertThat(run.err()).contains("evaluated 60 tickets").contains("3 folds");
    }

    @Test
    void evaluate_rulesOnly_predictsAssignedTo() throws IOException {
        Path rulesOnly = dir.resolve("rules-only.json");
        Files.writeString(rulesOnly, "{}");
        CliRun run = CliRun.run("evaluate", labelled.toString(), "--label-field", "kind",
                "--text-field", "text", "--config", rulesOnly.toString(),
                "--predict", "assigned_to", "--label-map", "Billing=billing-team",
                "--label-map", "Bug=engineering-team", "--label-map", "Feature=product-team",
                "--json");
        JsonNode n = MAPPER.readTree(run.out());
        // no default rule fires on these texts: every ticket takes general's support-team
        assertThat(n.get("accuracy").asDouble()).isZero();
        assertThat(n.get("decided_by").get("default").asInt()).isEqualTo(60);
    }

    @Test
    void evaluate_missingLabel_isAClearError() {
        CliRun run = CliRun.run("evaluate", labelled.toString(), "--label-field", "topic");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("no label in field 'topic'");
    }

    @Test
    void modelPredictingUnknownCategories_isRefusedAtLoad() throws IOException {
        Files.writeString(dir.resolve("config-none.json"), "{}");
        assertThat(train("model.json").exitCode()).isZero();
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"categories\": {\"hardware\": \"desk\", \"other\": \"ops\"},"
                + " \"default_category\": \"other\", \"rules\": [],"
                + " \"classifier\": {\"model\": \"model.json\"}}");
        CliRun run = CliRun.run(labelled.toString(), "--config", other.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("[billing, bug, feature]")
                .contains("not configured categories");
    }
}
