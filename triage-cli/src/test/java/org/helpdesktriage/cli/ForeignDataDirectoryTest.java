package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesktriage.cli.OpsFixtures.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A folder that is not a data directory is never made one by naming it as --data-dir. */
class ForeignDataDirectoryTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path tmp;

    Path examples;

    @BeforeEach
    void copyOfTheExamples() throws IOException {
        examples = Files.createDirectories(tmp.resolve("examples"));
        for (String name : new String[] {"tickets.json", "tickets.csv", "config-sla.json",
            "ticket.json", "pom.xml"}) {
            Files.copy(EXAMPLES.resolve(name), examples.resolve(name));
        }
        Path github = Files.createDirectories(examples.resolve("github-issues"));
        Files.copy(EXAMPLES.resolve("github-issues/config.json"), github.resolve("config.json"));
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static Map<String, String> hex(Map<String, byte[]> files) {
        Map<String, String> out = new TreeMap<>();
        files.forEach((name, bytes) -> out.put(name, HexFormat.of().formatHex(bytes)));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"triage", "escalate", "cleanup", "with-lock", "restore"})
    void examplesFolder_isRefusedBeforeTheLock_keepingEveryByteAndGainingNoEntry(String command)
            throws IOException {
        List<String> entries = entries(examples);
        Map<String, String> bytes = hex(OpsFixtures.snapshot(examples));
        String dir = examples.toString();
        Path archive = Files.writeString(tmp.resolve("backup.tar.gz"), "not read");
        String[] args = switch (command) {
            case "triage" -> new String[] {"triage", examples.resolve("tickets.json").toString(),
                tmp.resolve("out.json").toString(), "--store", "file", "--data-dir", dir};
            case "with-lock" -> new String[] {"with-lock", "--data-dir", dir, "--", "true"};
            case "restore" -> new String[] {"restore", "--archive", archive.toString(),
                "--data-dir", dir};
            case "cleanup" -> new String[] {"cleanup", "--older-than", "30d", "--data-dir", dir};
            default -> new String[] {command, "--data-dir", dir};
        };

        CliRun run = cli(args);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(6);
        assertThat(run.err()).contains(dir + " is not a data directory: it holds "
                + "config-sla.json, github-issues, pom.xml, ticket.json, tickets.csv and 1 more "
                + "entry and no format-version", "Name an empty or new folder");
        assertThat(entries(examples)).isEqualTo(entries);
        assertThat(hex(OpsFixtures.snapshot(examples))).isEqualTo(bytes);
    }

    @Test
    void emptyAndNewFolders_becomeDataDirectories() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        for (Path root : List.of(empty, tmp.resolve("new"))) {
            CliRun run = cli("triage", examples.resolve("tickets.json").toString(),
                    tmp.resolve("out.json").toString(), "--store", "file", "--data-dir",
                    root.toString());
            assertThat(run.exitCode()).as(run.err()).isIn(0, 4);
            assertThat(root.resolve("format-version")).exists();
            assertThat(root.resolve("tickets")).isDirectoryContaining("glob:**.json");
        }
    }

    @Test
    void health_ofTheExamplesFolder_isUnhealthyNamingIt() throws IOException {
        CliRun run = cli("health", "--min-free-mb", "0", "--data-dir", examples.toString());

        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(run.out()).contains(examples + " is not a data directory");
        assertThat(run.err()).contains("unhealthy: FAIL data directory contents: " + examples
                + " is not a data directory");
    }
}
