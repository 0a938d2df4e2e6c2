package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens every HTML report in headless Chromium: it loads with no console message and no
 * request beyond the file itself, each chart holds the marks its known input gives, its tables
 * hold the figures the same run printed with --json, and a screenshot of each is written to
 * target/report-screenshots (those of the shipped examples are the ones in docs/images).
 */
class HtmlReportsBrowserTest {

    static final Path SHOTS = Path.of("target", "report-screenshots");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NOW = "2026-11-23T15:00:00Z";
    private static Browser browser;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    /** Opens a report and checks what every report must: quiet, offline, readable. */
    private static void openCleanly(Path report, String shot) throws IOException {
        assertThat(Files.size(report)).isLessThan(2L * 1024 * 1024);
        Browser.Visit visit = browser.open(report);
        assertThat(visit.console()).as("console messages").noneMatch(
                e -> e.getLevel().intValue() >= Level.WARNING.intValue());
        assertThat(visit.requests()).as("requests").containsOnly(report.toUri().toString());
        assertThat(browser.count("svg.chart")).isEqualTo(browser.count("svg.chart > title"));
        browser.screenshot(SHOTS.resolve(shot + ".png"));
    }

    private static List<String> column(List<List<String>> rows, int col) {
        return rows.stream().map(r -> r.get(col)).toList();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field == null ? n.asText() : n.get(field).asText()));
        return out;
    }

    @Test
    void evaluateReport_withFolds_drawsEveryMark_andItsTablesAreTheJsonFigures()
            throws IOException {
        Path report = dir.resolve("evaluate.html");
        CliRun run = CliRun.run("evaluate", ReportFixtures.labelled(dir).toString(),
                "--label-field", "kind", "--text-field", "text", "--folds", "3",
                "--min-confidence", "0.5", "--json", "--report", report.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = MAPPER.readTree(run.out());
        int labels = json.get("labels").size();
        openCleanly(report, "evaluate");

        assertThat(browser.count("#confusion svg [data-mark=cell]")).isEqualTo(labels * labels);
        assertThat(browser.count("#per-class svg [data-mark=bar]")).isEqualTo(labels * 3);
        assertThat(browser.count("#coverage svg [data-mark=point]"))
                .isEqualTo(json.get("model_coverage").size()).isEqualTo(8);
        assertThat(browser.count("#coverage svg [data-mark=threshold]")).isOne();
        assertThat(browser.count("#policies svg [data-mark=bar]")).isEqualTo(3 * 3);
        assertThat(browser.find("#groups .message").getText()).contains("--group-field");

        List<List<String>> perClass = browser.table("per-class");
        assertThat(column(perClass, 0)).isEqualTo(texts(json.get("classes"), "label"));
        assertThat(column(perClass, 1)).isEqualTo(texts(json.get("classes"), "precision"));
        assertThat(column(perClass, 3)).isEqualTo(texts(json.get("classes"), "f1"));
        assertThat(column(perClass, 4)).isEqualTo(texts(json.get("classes"), "support"));
        List<List<String>> confusion = browser.table("confusion");
        for (int i = 0; i < labels; i++) {
            assertThat(confusion.get(i).subList(1, labels + 1))
                    .isEqualTo(texts(json.get("confusion").get(i), null));
        }
        assertThat(column(browser.table("coverage"), 2))
                .isEqualTo(texts(json.get("model_coverage"), "precision"));
        assertThat(column(browser.table("policies"), 1))
                .isEqualTo(texts(json.get("policies"), "accuracy"));
        assertThat(browser.table("threshold").get(0).get(0)).isEqualTo("0.5");
    }

    @Test
    void evaluateReport_followsDarkMode_andPrintsOnA4() throws IOException {
        Path report = dir.resolve("evaluate.html");
        assertThat(CliRun.run("evaluate", ReportFixtures.labelled(dir).toString(),
                "--label-field", "kind", "--text-field", "text", "--report", report.toString())
                .exitCode()).isZero();
        openCleanly(report, "evaluate-rules-only");
        assertThat(browser.find("#coverage .message").getText()).contains("No model");
        assertThat(browser.count("#coverage svg")).isZero();
        String light = (String) browser.script(
                "return getComputedStyle(document.body).backgroundColor");
        browser.colorScheme("dark");
        String dark = (String) browser.script(
                "return getComputedStyle(document.body).backgroundColor");
        browser.colorScheme("light");
        assertThat(light).isEqualTo("rgb(255, 255, 255)");
        assertThat(dark).isEqualTo("rgb(13, 17, 23)");
        byte[] pdf = browser.pdf();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        // A4 is 595 x 842 points
        assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1))
                .containsPattern("/MediaBox \\[0 0 59[45]\\.\\d* 84[12]\\.\\d*\\]");
    }

    @Test
    void backtestReport_drawsTheMatrixAndRules_andListsTheChangedRecords() throws IOException {
        Path report = dir.resolve("backtest.html");
        List<String> args = new ArrayList<>(ReportFixtures.backtest(dir));
        args.addAll(List.of("--json", "--report", report.toString()));
        CliRun run = CliRun.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = MAPPER.readTree(run.out());
        openCleanly(report, "backtest");

        List<String> from = new ArrayList<>();
        json.get("teams").fieldNames().forEachRemaining(from::add);
        java.util.Set<String> to = new java.util.TreeSet<>();
        json.get("teams").forEach(row -> row.fieldNames().forEachRemaining(to::add));
        assertThat(browser.count("#teams svg [data-mark=cell]"))
                .isEqualTo(from.size() * to.size());
        assertThat(browser.count("#rules svg [data-mark=bar]"))
                .isEqualTo(json.get("rules").size() * 2);
        assertThat(browser.count("#accuracy svg [data-mark=bar]")).isEqualTo(2);
        List<List<String>> rules = browser.table("rules");
        for (List<String> row : rules) {
            assertThat(row.get(1)).isEqualTo(json.get("rules").get(row.get(0)).get("before")
                    .asText());
            assertThat(row.get(2)).isEqualTo(json.get("rules").get(row.get(0)).get("after")
                    .asText());
        }
        assertThat(column(browser.table("accuracy"), 1)).containsExactly(
                json.get("accuracy_before").asText(), json.get("accuracy_after").asText());
        assertThat(browser.table("changed")).hasSize(json.get("changed").asInt());
    }

    @Test
    void slaReport_drawsEachDay_listsTheBreachingTicketsOfSlaStatus_andEscapesTitles()
            throws IOException {
        Path data = ReportFixtures.slaStore(dir);
        Path report = dir.resolve("sla.html");
        CliRun run = CliRun.run("sla", "report", report.toString(), "--data-dir",
                data.toString(), "--now", NOW, "--since", "2026-11-20", "--until", "2026-11-23",
                "--by", "priority");
        assertThat(run.exitCode()).as(run.err()).isZero();
        CliRun status = CliRun.run("sla", "status", "--data-dir", data.toString(), "--now", NOW,
                "--breached", "--json");
        JsonNode breached = MAPPER.readTree(status.out());
        openCleanly(report, "sla");

        // four days, breached and at risk each
        assertThat(browser.count("#per-day svg [data-mark=bar]")).isEqualTo(4 * 2);
        assertThat(column(browser.table("per-day"), 0)).containsExactly("2026-11-20",
                "2026-11-21", "2026-11-22", "2026-11-23");
        assertThat(column(browser.table("breaching"), 0))
                .isEqualTo(texts(breached, "ticket_id"));
        assertThat(browser.table("breaching")).extracting(r -> r.get(1))
                .contains(ReportFixtures.HOSTILE_TITLE);
        // the hostile title is text: the page's only script is its own
        assertThat(browser.count("script")).isOne();
        assertThat(browser.count("#times svg [data-mark=bar]")).isEqualTo(3);
        assertThat(column(browser.table("times"), 0)).containsExactly("low \u2013 resolution");
    }

    @Test
    void runsReport_drawsEachRun_andItsTableIsRunsList() throws IOException {
        Path data = ReportFixtures.slaStore(dir);
        Path report = dir.resolve("runs.html");
        assertThat(CliRun.run("runs", "report", report.toString(), "--data-dir",
                data.toString()).exitCode()).isZero();
        JsonNode runs = MAPPER.readTree(CliRun.run("runs", "list", "--data-dir",
                data.toString(), "--json").out());
        openCleanly(report, "runs");

        assertThat(browser.count("#per-run svg [data-mark=point]")).isEqualTo(runs.size() * 3);
        assertThat(browser.count("#durations svg [data-mark=bar]")).isEqualTo(runs.size());
        List<String> newestFirst = new ArrayList<>(column(browser.table("runs"), 0));
        java.util.Collections.reverse(newestFirst);
        assertThat(newestFirst).isEqualTo(texts(runs, "run_id"));
        assertThat(column(browser.table("reasons"), 0)).containsExactly("requester_email");
        assertThat(browser.table("dead-letters")).hasSize(1);
    }

    @Test
    void emptyStore_givesReportsThatSaySo_withoutACharts() throws IOException {
        Path data = ReportFixtures.emptyStore(dir);
        Path runs = dir.resolve("runs-empty.html");
        Path sla = dir.resolve("sla-empty.html");
        assertThat(CliRun.run("runs", "report", runs.toString(), "--data-dir", data.toString())
                .exitCode()).isZero();
        assertThat(CliRun.run("sla", "report", sla.toString(), "--data-dir", data.toString(),
                "--now", NOW).exitCode()).isZero();
        openCleanly(runs, "runs-empty");
        assertThat(browser.count("svg")).isZero();
        assertThat(browser.find("#per-run .message").getText()).contains("No run records");
        openCleanly(sla, "sla-empty");
        assertThat(browser.count("svg")).isZero();
        assertThat(browser.find("#per-day .message").getText()).contains("no tickets");
    }

    /**
     * The reports of the shipped examples, whose screenshots are docs/images/evaluate-report.png
     * and sla-report.png (docs/quality.md, "The HTML report", says how to regenerate them).
     */
    @Test
    void shippedExamples_evaluateAndSlaReports_forTheDocs() throws IOException {
        Path evaluate = dir.resolve("evaluate-example.html");
        CliRun run = CliRun.run("evaluate", "../examples/tickets.json", "--config",
                "../config.json", "--label-field", "category", "--label-map", "error=bug",
                "--folds", "3", "--report", evaluate.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        openCleanly(evaluate, "evaluate-example");
        assertThat(browser.count("#confusion svg [data-mark=cell]")).isEqualTo(6 * 6);

        Path data = dir.resolve("example-data");
        CliRun stored = CliRun.run("triage", "../examples/tickets.json",
                dir.resolve("out.json").toString(), "--config", "../examples/config-sla.json",
                "--store", "file", "--data-dir", data.toString(), "--now",
                "2026-11-20T19:00:00Z");
        assertThat(stored.exitCode()).as(stored.err()).isZero();
        Path sla = dir.resolve("sla-example.html");
        CliRun report = CliRun.run("sla", "report", sla.toString(), "--config",
                "../examples/config-sla.json", "--data-dir", data.toString(), "--now",
                "2026-11-23T12:00:00Z", "--since", "2026-11-02", "--by", "team");
        assertThat(report.exitCode()).as(report.err()).isZero();
        openCleanly(sla, "sla-example");
        assertThat(browser.count("#per-day svg [data-mark=bar]")).isEqualTo(22 * 2);
    }
}
