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
        assertThat(run.err()).contains("read 60, used 60, left out 0").contains("3 folds");
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

    /** A pandas-style export: space-separated timestamps, empty bodies, over-long texts. */
    private Path export() throws IOException {
        StringBuilder csv = new StringBuilder("repo,created_at,label,title,body\n");
        for (int i = 0; i < 60; i++) {
            String[] row = WORDS[i % 3];
            String[] w = row[1].split(" ");
            String title = w[i % w.length] + " " + w[(i + 2) % w.length] + " number " + i;
            String body = i % 10 == 0 ? "" : w[(i + 1) % w.length] + " " + w[(i + 3) % w.length];
            if (i == 7) {
                title = title + " " + "long ".repeat(60);
                body = body + " " + "text ".repeat(2_500);
            }
            csv.append(i % 2 == 0 ? "acme/app" : "acme/lib").append(",2023-08-")
                    .append(10 + i % 20).append(" 06:33:37,").append(row[0]).append(',')
                    .append(title).append(',').append(body).append('\n');
        }
        Path file = dir.resolve("export.csv");
        Files.writeString(file, csv);
        Files.writeString(dir.resolve("categories.json"), "{\"categories\": {\"billing\": "
                + "\"money\", \"bug\": \"dev\", \"feature\": \"product\"},"
                + " \"default_category\": \"bug\", \"rules\": []}");
        return file;
    }

    @Test
    void export_withSpaceTimestampsAndEmptyBodies_trainsAndEvaluatesWithEveryRowUsed()
            throws IOException {
        Path file = export();
        String config = dir.resolve("categories.json").toString();
        CliRun trained = CliRun.run("train", file.toString(), "--out",
                dir.resolve("m.json").toString(), "--config", config);
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.err()).contains("read 60, used 60 (1 with texts truncated for "
                + "features to the live limits (200 / 10000 characters); 6 with an empty title "
                + "or description taken from the other), left out 0");
        CliRun run = CliRun.run("evaluate", file.toString(), "--config", config, "--folds", "3",
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode n = MAPPER.readTree(run.out());
        assertThat(n.get("total").asInt()).isEqualTo(60);
        assertThat(n.get("read").asInt()).isEqualTo(60);
        assertThat(n.get("left_out").asInt()).isZero();
        assertThat(n.get("truncated").asInt()).isEqualTo(1);
        assertThat(n.get("filled").asInt()).isEqualTo(6);
        assertThat(n.get("accuracy").asDouble()).isGreaterThan(0.9);
        assertThat(n.get("policies")).extracting(p -> p.get("policy").asText())
                .containsExactly("rules_first", "model_first", "rules_override");
    }

    @Test
    void evaluate_byGroup_reportsEachGroupsModel() throws IOException {
        Path file = export();
        CliRun run = CliRun.run("evaluate", file.toString(), "--config",
                dir.resolve("categories.json").toString(), "--folds", "3", "--no-rules",
                "--group-field", "repo");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("acme/app").contains("acme/lib")
                .contains("model alone: accuracy");
    }

    @Test
    void nothingUsable_failsWithExit3_namingTheReasonsAndCounts() throws IOException {
        StringBuilder csv = new StringBuilder("created_at,label,title,body\n");
        for (int i = 0; i < 5; i++) {
            csv.append("yesterday,bug,crash ").append(i).append(",it broke\n");
        }
        csv.append("2023-01-02,,no label here,none\n");
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, csv);
        CliRun run = CliRun.run("train", file.toString(), "--out",
                dir.resolve("m.json").toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("bad.csv: no record is usable (read 6, used 0); left out:"
                + " created_at invalid (5 records, first ").contains("line 2")
                .contains("'yesterday' is not a timestamp").contains("no label (1 records");
        assertThat(Files.exists(dir.resolve("m.json"))).isFalse();
        CliRun evaluate = CliRun.run("evaluate", file.toString());
        assertThat(evaluate.exitCode()).isEqualTo(3);
        assertThat(evaluate.err()).contains("created_at invalid (5 records");
    }

    @Test
    void evaluate_minConfidenceWithoutAModel_isRefused() {
        CliRun run = CliRun.run("evaluate", labelled.toString(), "--label-field", "kind",
                "--text-field", "text", "--min-confidence", "0.8");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--min-confidence applies to a model");
    }

    @Test
    void evaluate_minConfidenceWithAConfiguredModel_isHonoured() throws IOException {
        Files.writeString(dir.resolve("config-none.json"), "{}");
        assertThat(train("model.json").exitCode()).isZero();
        CliRun run = CliRun.run("evaluate", labelled.toString(), "--label-field", "kind",
                "--text-field", "text", "--config", config.toString(), "--min-confidence", "1",
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode n = MAPPER.readTree(run.out());
        // at 1.0 the model never decides: what no rule matched takes the default route
        assertThat(n.get("decided_by").has("model")).isFalse();
        assertThat(n.get("decided_by").get("default").asInt()).isPositive();
    }

    @Test
    void triage_textField_readsAHistoryFileWithOnlyATextColumn() throws IOException {
        Path out = dir.resolve("out.json");
        CliRun run = CliRun.run("triage", labelled.toString(), out.toString(), "--text-field",
                "text", "--label-field", "kind");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode results = MAPPER.readTree(out.toFile());
        assertThat(results).hasSize(60);
        assertThat(results.get(0).get("ticket").get("title").asText())
                .isEqualTo("invoice payment ticket number 0");
        assertThat(results.get(0).get("ticket").get("metadata").has("kind")).isFalse();
    }
}
