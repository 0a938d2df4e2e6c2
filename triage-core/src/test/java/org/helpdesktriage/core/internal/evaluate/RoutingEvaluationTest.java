package org.helpdesktriage.core.internal.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.route.ClassifierPolicy.Decision;
import org.helpdesktriage.core.route.ClassifierPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluate use case as an embedding service calls it: read history, route, compare. */
class RoutingEvaluationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"),
            ZoneOffset.UTC);
    private static final String[][] WORDS = {
        {"billing", "invoice refund payment charge card receipt"},
        {"bug", "crash stack trace exception broken button error"},
        {"feature", "please add support option wish would like new"}};

    @TempDir
    Path dir;

    private Path history(int rows, String bad) throws IOException {
        StringBuilder csv = new StringBuilder("team,created_at,kind,text\n");
        for (int i = 0; i < rows; i++) {
            String[] w = WORDS[i % 3][1].split(" ");
            csv.append(i % 2 == 0 ? "north" : "south").append(',')
                    .append(i == 0 ? bad : "2023-08-26 06:33:37").append(',')
                    .append(WORDS[i % 3][0]).append(',').append(w[i % w.length]).append(' ')
                    .append(w[(i + 2) % w.length]).append(" number ").append(i).append('\n');
        }
        Path file = dir.resolve("history.csv");
        Files.writeString(file, csv);
        return file;
    }

    private static TriageConfig config() {
        return TriageConfig.defaults().withRules(List.of());
    }

    @Test
    void read_countsEveryLeftOutRecordByReason_andUsesTheRest() throws IOException {
        LabelledInput input = new LabelledInput(history(30, "yesterday"), null, "kind", "text",
                Map.of(), null);
        LabelledData data = LabelledData.read(input, config(), CLOCK);
        assertThat(data.read()).isEqualTo(30);
        assertThat(data.examples()).hasSize(29);
        assertThat(data.leftOut()).singleElement().satisfies(l -> {
            assertThat(l.reason()).isEqualTo("created_at invalid");
            assertThat(l.count()).isEqualTo(1);
            assertThat(l.first()).contains("line 2").contains("'yesterday'");
        });
        assertThat(data.summary()).isEqualTo("read 30, used 29, left out 1: created_at invalid 1");
    }

    @Test
    void requireLabels_nothingUsable_namesTheReasons() throws IOException {
        Path file = dir.resolve("none.csv");
        Files.writeString(file, "kind,text\n,no label\n,none either\n");
        LabelledData data = LabelledData.read(new LabelledInput(file, null, "kind", "text",
                Map.of(), null), config(), CLOCK);
        assertThatThrownBy(() -> data.requireLabels(2))
                .isInstanceOf(TriageException.class)
                .hasMessageContaining("none.csv: no record is usable (read 2, used 0); left out:"
                        + " no label (2 records, first ")
                .extracting(e -> ((TriageException) e).code())
                .isEqualTo(ErrorCode.INPUT_UNREADABLE);
    }

    @Test
    void run_crossValidated_reportsEveryPolicyOnTheSameTickets() throws IOException {
        LabelledData data = LabelledData.read(new LabelledInput(history(60, "2023-08-26"), null,
                "kind", "text", Map.of(), null), config(), CLOCK);
        RoutingReport report = RoutingEvaluation.builder().config(config()).folds(3)
                .clock(CLOCK).build().run(data);
        assertThat(report.policies()).extracting(PolicyResult::decision).containsExactly(
                Decision.RULES_FIRST, Decision.MODEL_FIRST, Decision.RULES_OVERRIDE);
        assertThat(report.policies()).allSatisfy(p -> {
            assertThat(p.metrics().total()).isEqualTo(60);
            assertThat(p.coverage()).isEqualTo(1.0);
        });
        assertThat(report.model()).hasSize(60);
        assertThat(report.modelAlone().orElseThrow().accuracy()).isGreaterThan(0.9);
        assertThat(report.trainingSeconds()).isPositive();
    }

    @Test
    void run_byGroup_trainsOneModelPerGroup() throws IOException {
        LabelledData data = LabelledData.read(new LabelledInput(history(60, "2023-08-26"), null,
                "kind", "text", Map.of(), "Team"), config(), CLOCK);
        RoutingReport report = RoutingEvaluation.builder().config(config()).folds(3)
                .byGroup(true).clock(CLOCK).build().run(data);
        assertThat(report.groups()).containsOnlyKeys("north", "south");
        assertThat(report.groups().get("north").total()).isEqualTo(30);
    }

    @Test
    void run_rulesOnly_withoutFolds_hasOneRulesResult() throws IOException {
        TriageConfig rules = TriageConfig.defaults().withRules(List.of());
        LabelledData data = LabelledData.read(new LabelledInput(history(9, "2023-08-26"), null,
                "kind", "text", Map.of(), null), rules, CLOCK);
        RoutingReport report = RoutingEvaluation.builder().config(rules).clock(CLOCK).build()
                .run(data);
        assertThat(report.policies()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("rules");
            assertThat(p.decidedBy()).containsOnlyKeys("default");
            assertThat(p.coverage()).isZero();
        });
        assertThat(report.modelAlone()).isEmpty();
    }

    @Test
    void run_crossValidated_classifierWithoutModel_putsItsPolicyFirst() throws IOException {
        TriageConfig modelLess = config().withClassifier(
                ClassifierPolicy.withoutModel(0.0, null, Decision.RULES_OVERRIDE));
        LabelledData data = LabelledData.read(new LabelledInput(history(60, "2023-08-26"), null,
                "kind", "text", Map.of(), null), modelLess, CLOCK);
        RoutingReport report = RoutingEvaluation.builder().config(modelLess).folds(3)
                .clock(CLOCK).build().run(data);
        assertThat(report.policies()).extracting(PolicyResult::decision).containsExactly(
                Decision.RULES_OVERRIDE, Decision.RULES_FIRST, Decision.MODEL_FIRST);
        assertThat(report.policies().get(0).coverage()).isEqualTo(1.0);
    }

    @Test
    void run_withoutFolds_classifierWithoutModel_isTheRulesAlone() throws IOException {
        TriageConfig modelLess = config().withClassifier(
                ClassifierPolicy.withoutModel(0.6, null, Decision.MODEL_FIRST));
        LabelledData data = LabelledData.read(new LabelledInput(history(9, "2023-08-26"), null,
                "kind", "text", Map.of(), null), modelLess, CLOCK);
        RoutingReport report = RoutingEvaluation.builder().config(modelLess).clock(CLOCK)
                .build().run(data);
        assertThat(report.policies()).singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo("rules"));
        assertThat(report.modelAlone()).isEmpty();
    }
}
