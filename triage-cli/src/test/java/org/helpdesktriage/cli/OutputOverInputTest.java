package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No option may overwrite an input: every output (OUTPUT, --rejects, --metrics-file, train's
 * --out) named as an input or as another output, by any spelling that leads to the same file,
 * is a usage error (exit 2) naming both, and the input keeps every byte.
 */
class OutputOverInputTest {

    @TempDir
    Path dir;

    private Path input;
    private Path config;
    private byte[] inputBytes;
    private byte[] configBytes;

    @BeforeEach
    void files() throws IOException {
        input = dir.resolve("tickets.json");
        Files.writeString(input, "{\"ticket_id\":\"TKT-1\",\"title\":\"Printer down\","
                + "\"description\":\"The printer is down\",\"requester_email\":\"a@example.com\","
                + "\"label\":\"hardware\"}\n");
        config = dir.resolve("config.json");
        Files.writeString(config, "{\"match_mode\": \"first\"}");
        Files.createDirectories(dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("link.json"), input);
        Files.createLink(dir.resolve("hard.json"), input);
        Files.createSymbolicLink(dir.resolve("linkdir"), dir);
        inputBytes = Files.readAllBytes(input);
        configBytes = Files.readAllBytes(config);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "IN IN",
        "IN ./tickets.json",
        "IN sub/../tickets.json",
        "IN link.json",
        "IN hard.json",
        "IN linkdir/tickets.json",
        "IN out.json --rejects IN",
        "IN out.json --rejects hard.json",
        "IN out.json --metrics-file IN",
        "IN out.json --metrics-file link.json",
        "IN out.json --config CONFIG --rejects CONFIG",
        "IN CONFIG --config CONFIG",
        "IN out.json --metrics-file CONFIG --config CONFIG",
        "IN out.json --store file --metrics-file IN",
        "link.json IN",
        "hard.json out.json --rejects IN",
        "train IN --out IN",
        "train IN --out link.json",
        "train IN --out CONFIG --config CONFIG",
        "backtest IN --config CONFIG --diff IN",
        "backtest IN --config CONFIG --diff hard.json",
        "backtest IN --config CONFIG --diff CONFIG"})
    void anOutputNamingAnInput_isRefused_andTheInputKeepsEveryByte(String line)
            throws IOException {
        CliRun run = OpsFixtures.cli(args(line));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ").contains("is the same file as")
                .contains("destroy the input");
        assertThat(Files.readAllBytes(input)).isEqualTo(inputBytes);
        assertThat(Files.readAllBytes(config)).isEqualTo(configBytes);
        assertThat(dir.resolve("out.json")).doesNotExist();
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "IN out.json --rejects out.json",
        "IN out.json --rejects ./out.json",
        "IN out.json --metrics-file out.json",
        "IN out.json --rejects r.jsonl --metrics-file sub/../r.jsonl"})
    void twoOutputsNamingOneFile_areRefused(String line) {
        CliRun run = OpsFixtures.cli(args(line));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("is the same file as").contains("one would replace");
        assertThat(dir.resolve("out.json")).doesNotExist();
        assertThat(dir.resolve("r.jsonl")).doesNotExist();
    }

    @Test
    void distinctFiles_areTriagedAsBefore() throws IOException {
        CliRun run = OpsFixtures.cli(args("IN out.json --rejects r.jsonl --metrics-file m.prom"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllBytes(input)).isEqualTo(inputBytes);
        assertThat(dir.resolve("out.json")).isNotEmptyFile();
    }

    private String[] args(String line) {
        List<String> args = new ArrayList<>();
        Map<String, Path> names = Map.of("IN", input, "CONFIG", config);
        for (String word : line.split(" ")) {
            if (names.containsKey(word)) {
                args.add(names.get(word).toString());
            } else if (word.startsWith("-") || word.equals("train") || word.equals("backtest")
                    || word.equals("file")) {
                args.add(word);
            } else {
                args.add(dir.resolve(word).toString());
            }
        }
        if (line.startsWith("train")) {
            args.addAll(List.of("--label-field", "label"));
        }
        if (line.contains("--store")) {
            args.addAll(List.of("--data-dir", dir.resolve("data").toString()));
        }
        return args.toArray(String[]::new);
    }
}
