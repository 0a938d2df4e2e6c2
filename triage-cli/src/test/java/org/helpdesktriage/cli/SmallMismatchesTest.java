package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the docs and --help say is what the command line does. */
class SmallMismatchesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ndjson", "NDJSON", "jsonl"})
    void ndjson_isAcceptedAsTheDocsSay_forInputAndOutput(String format) throws IOException {
        Path in = dir.resolve("in.data");
        Files.writeString(in, "{\"ticket_id\":\"TKT-1\",\"title\":\"t\",\"description\":\"d\","
                + "\"requester_email\":\"a@example.com\"}\n{\"ticket_id\":\"TKT-2\",\"title\":"
                + "\"t\",\"description\":\"d\",\"requester_email\":\"b@example.com\"}\n");
        Path out = dir.resolve("out.data");

        CliRun run = CliRun.run("triage", in.toString(), out.toString(), "--format", format,
                "--output-format", format);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(2).allMatch(l -> l.startsWith("{"));
    }

    @Test
    void anUnknownFormat_namesTheFormatsThereAre() {
        CliRun run = CliRun.run("triage", "x.json", "--format", "yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'yaml' is not an input format; use json, jsonl (or "
                + "ndjson), csv or text");
    }

    @Test
    void triageHelp_listsEveryExitCodeItCanReturn() {
        CliRun run = CliRun.run("triage", "--help");

        for (String code : new String[] {"0", "1", "2", "3", "4", "5", "6"}) {
            assertThat(run.out()).containsPattern("(?m)^\\s+" + code + "\\s+\\S");
        }
    }
}
