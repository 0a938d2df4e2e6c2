package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML reports without a browser: every value from data is escaped, a report never
 * replaces an input (exit 2, by any name that leads to it), an empty history gives a report
 * that says so, and nothing in a report reaches for the network.
 */
class HtmlReportTest {

    @TempDir
    Path dir;

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void slaReport_escapesATicketTitleThatHoldsAScript() throws IOException {
        Path data = ReportFixtures.slaStore(dir);
        Path report = dir.resolve("sla.html");
        CliRun run = CliRun.run("sla", "report", report.toString(), "--data-dir",
                data.toString(), "--now", "2026-11-23T15:00:00Z");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = read(report);
        assertThat(html).doesNotContain("<script>alert").doesNotContain("\"quoted\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;");
        // in tooltips and attributes too: nothing of the title is markup anywhere
        assertThat(Pattern.compile("<script").matcher(html).results().count()).isOne();
    }

    @Test
    void evaluateReport_escapesLabelsInCellsTooltipsAndAttributes() throws IOException {
        Path labelled = dir.resolve("hostile.csv");
        StringBuilder csv = new StringBuilder("title,description,label\n");
        for (int i = 0; i < 6; i++) {
            csv.append("printer jam ").append(i).append(",paper stuck,\"<img src=x onerror=1>\"\n");
        }
        Files.writeString(labelled, csv);
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"categories\": {\"<img src=x onerror=1>\": \"a\\\" b\"},"
                + " \"default_category\": \"<img src=x onerror=1>\", \"rules\": []}");
        Path report = dir.resolve("evaluate.html");
        CliRun run = CliRun.run("evaluate", labelled.toString(), "--config", config.toString(),
                "--label-map", "<img src=x onerror=1>=<img src=x onerror=1>",
                "--report", report.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(read(report)).doesNotContain("<img").contains("&lt;img src&#61;x");
    }

    @Test
    void aReport_makesNoNetworkRequest_andHoldsItsOwnStyleAndScript() throws IOException {
        Path report = dir.resolve("evaluate.html");
        assertThat(CliRun.run("evaluate", ReportFixtures.labelled(dir).toString(),
                "--label-field", "kind", "--text-field", "text", "--report", report.toString())
                .exitCode()).isZero();
        String html = read(report);
        assertThat(html).doesNotContainPattern("(?i)(src|href)=\"(https?:|//)")
                .doesNotContainPattern("(?i)@import|url\\(").doesNotContain("<link rel=\"style")
                .contains("default-src 'none'").contains("prefers-color-scheme: dark")
                .contains("@page { size: A4");
        List<String> urls = new ArrayList<>();
        Matcher m = Pattern.compile("(?i)https?://[^\\s\"'<]+").matcher(html);
        while (m.find()) {
            urls.add(m.group());
        }
        assertThat(urls).isEmpty();
    }

    @Test
    void aReportOverItsInput_isAUsageError_byAnyName() throws IOException {
        Path labelled = ReportFixtures.labelled(dir);
        Files.createSymbolicLink(dir.resolve("link.csv"), labelled);
        byte[] before = Files.readAllBytes(labelled);
        for (String name : List.of(labelled.toString(), dir.resolve("link.csv").toString(),
                dir.resolve("sub/../labelled.csv").toString())) {
            Files.createDirectories(dir.resolve("sub"));
            CliRun run = CliRun.run("evaluate", labelled.toString(), "--label-field", "kind",
                    "--text-field", "text", "--report", name);
            assertThat(run.exitCode()).as(name).isEqualTo(2);
            assertThat(run.err()).contains("--report '" + name + "' is the same file as "
                    + "LABELLED_FILE");
        }
        List<String> backtest = new ArrayList<>(ReportFixtures.backtest(dir));
        backtest.addAll(List.of("--report", backtest.get(1)));
        CliRun history = CliRun.run(backtest.toArray(String[]::new));
        assertThat(history.exitCode()).isEqualTo(2);
        assertThat(history.err()).contains("is the same file as HISTORY");
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{}");
        Files.createSymbolicLink(dir.resolve("config-link.html"), config);
        CliRun sla = CliRun.run("sla", "report", dir.resolve("config-link.html").toString(),
                "--config", config.toString(), "--data-dir", dir.toString());
        assertThat(sla.exitCode()).isEqualTo(2);
        assertThat(sla.err()).contains("is the same file as --config");
        CliRun runs = CliRun.run("runs", "report", config.toString(), "--config",
                config.toString(), "--data-dir", dir.toString());
        assertThat(runs.exitCode()).isEqualTo(2);
        assertThat(Files.readAllBytes(labelled)).isEqualTo(before);
        assertThat(read(config)).isEqualTo("{}");
    }

    @Test
    void backtestReport_ofAnEmptyHistory_saysSo() throws IOException {
        List<String> args = new ArrayList<>(ReportFixtures.backtest(dir));
        Files.writeString(Path.of(args.get(1)), "");
        Path report = dir.resolve("backtest.html");
        args.addAll(List.of("--report", report.toString()));
        CliRun run = CliRun.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = read(report);
        assertThat(html).contains("No record was triaged under both configurations")
                .contains("No rule decided any record").contains("The candidate changes no "
                        + "record").doesNotContain("<svg");
    }

    @Test
    void slaReport_checksItsRange() throws IOException {
        Path data = ReportFixtures.slaStore(dir);
        CliRun reversed = CliRun.run("sla", "report", dir.resolve("r.html").toString(),
                "--data-dir", data.toString(), "--since", "2026-11-23", "--until", "2026-11-01");
        assertThat(reversed.exitCode()).isEqualTo(2);
        assertThat(reversed.err()).contains("--since 2026-11-23 is after --until 2026-11-01");
        CliRun tooLong = CliRun.run("sla", "report", dir.resolve("r.html").toString(),
                "--data-dir", data.toString(), "--since", "2020-01-01", "--until", "2026-11-01");
        assertThat(tooLong.exitCode()).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("r.html"))).isFalse();
    }

    @Test
    void evaluateReport_ofTenThousandTicketsAndThirtyLabels_staysUnderTwoMegabytes()
            throws IOException {
        StringBuilder csv = new StringBuilder("Text,Kind\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append("word").append(i % 37).append(" printer ").append(i).append(",kind")
                    .append(i % 30).append('\n');
        }
        Path labelled = dir.resolve("big.csv");
        Files.writeString(labelled, csv);
        StringBuilder categories = new StringBuilder("{\"categories\": {");
        for (int k = 0; k < 30; k++) {
            categories.append(k == 0 ? "" : ",").append("\"kind").append(k)
                    .append("\": \"team").append(k).append('"');
        }
        Path config = dir.resolve("config.json");
        Files.writeString(config, categories + "}, \"default_category\": \"kind0\", "
                + "\"rules\": []}");
        Path report = dir.resolve("evaluate.html");
        CliRun run = CliRun.run("evaluate", labelled.toString(), "--config", config.toString(),
                "--label-field", "kind", "--text-field", "text", "--report", report.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("used 10000");
        assertThat(read(report)).contains("kind29");
        assertThat(Files.size(report)).isLessThan(2L * 1024 * 1024);
    }
}
