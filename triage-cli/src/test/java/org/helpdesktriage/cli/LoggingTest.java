package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log_level key, -v and -q decide what the library's log and the CLI's notes print. */
class LoggingTest {

    @TempDir
    Path dir;
    Path in;

    @BeforeEach
    void input() throws IOException {
        in = Files.writeString(dir.resolve("in.json"), "{\"ticket_id\":\"TKT-1\",\"title\":\"t\","
                + "\"description\":\"d\",\"requester_email\":\"a@example.com\"}");
    }

    private CliRun triage(String... more) {
        String[] args = new String[more.length + 3];
        args[0] = in.toString();
        args[1] = dir.resolve("out.json").toString();
        args[2] = "--no-fail-on-reject";
        System.arraycopy(more, 0, args, 3, more.length);
        return CliRun.runWith(Map.of(), "", args);
    }

    @Test
    void byDefault_theLogSaysOnlyWarnings_andTheSummaryIsPrinted() {
        CliRun run = triage();
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).doesNotContain("INFO", "DEBUG")
                .contains("helpdesk-triage: read 1, triaged 1, rejected 0");
    }

    @Test
    void logLevelInfo_logsWhereTheConfigurationCameFromAndTheRulesCompiled() {
        CliRun run = triage("--set", "log_level=info");
        assertThat(run.err()).contains("INFO  ConfigLoader - configuration loaded from the "
                + "built-in defaults < the command line")
                .containsPattern("INFO  TriageEngine - engine built: \\d+ rule\\(s\\) compiled")
                .doesNotContain("DEBUG");
    }

    @Test
    void logLevelFromTheEnvironment_isHonoured() {
        CliRun run = CliRun.runWith(Map.of("HELPDESK_LOG_LEVEL", "INFO"), "", in.toString(),
                dir.resolve("out.json").toString());
        assertThat(run.err()).contains("INFO  ConfigLoader - configuration loaded from the "
                + "built-in defaults < environment variable HELPDESK_LOG_LEVEL");
    }

    @Test
    void verbose_logsAtDebug_overTheKey() {
        CliRun stored = triage("--store", "file", "--data-dir", dir.resolve("data").toString());
        assertThat(stored.exitCode()).isZero();
        CliRun run = CliRun.run("tickets", "count", "-v", "--set", "log_level=error",
                "--data-dir", dir.resolve("data").toString());
        assertThat(run.err()).contains("DEBUG DataDirectory - opened data directory "
                + dir.resolve("data") + " for reading")
                .contains("INFO  ConfigLoader - configuration loaded");
    }

    @Test
    void quiet_printsNothingButErrors() {
        CliRun fine = triage("--quiet", "--store", "file", "--data-dir",
                dir.resolve("data").toString(), "--set", "log_level=debug");
        assertThat(fine.exitCode()).isZero();
        assertThat(fine.err()).isEmpty();

        CliRun failed = CliRun.run("-q", dir.resolve("missing.json").toString());
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.err()).startsWith("error: ").contains("missing.json");
    }
}
