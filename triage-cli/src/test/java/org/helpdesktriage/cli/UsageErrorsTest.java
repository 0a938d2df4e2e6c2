package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every option is checked before a command opens, locks or writes anything: a usage error
 * leaves no data directory, lock, run record, metrics file or output behind.
 */
class UsageErrorsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "triage IN OUT --store file --parallelism 0",
        "triage IN OUT --store file --quiet --verbose",
        "triage IN OUT --store file --wait -1",
        "escalate --wait -1",
        "cleanup --older-than 90d --keep-backups -1",
        "cleanup --older-than P-1D",
        "dead-letters retry --limit -1",
        "tickets delete TKT-1 --wait -3",
        "backup --out BACKUPS --wait -1"})
    void usageError_exitsTwo_andLeavesNoFileBehind(String line) throws IOException {
        Path in = dir.resolve("in.json");
        Files.writeString(in, "{\"ticket_id\":\"TKT-1\",\"title\":\"t\",\"description\":\"d\","
                + "\"requester_email\":\"a@example.com\"}");
        List<String> args = new ArrayList<>();
        for (String word : line.split(" ")) {
            args.add(switch (word) {
                case "IN" -> in.toString();
                case "OUT" -> dir.resolve("out.json").toString();
                case "BACKUPS" -> dir.resolve("backups").toString();
                default -> word;
            });
        }
        args.addAll(List.of("--data-dir", dir.resolve("data").toString()));
        if (line.startsWith("triage") || line.startsWith("escalate")
                || line.startsWith("cleanup") || line.startsWith("dead-letters")) {
            args.addAll(List.of("--metrics-file", dir.resolve("m.prom").toString()));
        }

        CliRun run = OpsFixtures.cli(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).extracting(p -> p.getFileName().toString())
                    .containsExactly("in.json");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tikets list | unknown command 'tikets' (and no file of that name); did you mean 'tickets'?",
        "dead-leters list | did you mean 'dead-letters'?",
        "escalte | did you mean 'escalate'?",
        "tickets cont | unknown command 'tickets cont'; did you mean 'count'?",
        "triage in.json --dta-dir x | unknown option '--dta-dir'; did you mean '--data-dir'?",
        "escalate --confg x | unknown option '--confg'; did you mean '--config'?",
        "nothing-like-it | unknown command 'nothing-like-it' (and no file of that name)"})
    void aTypo_isAnUnknownCommandOrOption_withTheNamesItIsLike(String line, String message) {
        CliRun run = OpsFixtures.cli(line.split(" "));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: " + message.substring(0, 0)).contains(message)
                .doesNotContain("does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-v tickets count", "--quiet tickets count", "-q -v tickets count",
        "--set match_mode=all tickets count", "--now 2026-11-23T09:00:00Z tickets count"})
    void sharedOptions_mayComeBeforeTheCommand(String line) {
        List<String> args = new ArrayList<>(List.of(line.split(" ")));
        args.addAll(List.of("--data-dir", dir.resolve("missing").toString()));

        CliRun run = OpsFixtures.cli(args.toArray(String[]::new));

        // the command ran (and found no data directory), or refused -q with -v as a usage error
        assertThat(run.err()).doesNotContain("unknown").doesNotContain("file does not exist");
        assertThat(run.exitCode()).isEqualTo(line.contains("-q -v") ? 2 : 6);
    }

    @Test
    void aFileBeforeTheOptions_isStillTriage() throws IOException {
        Path in = dir.resolve("in.json");
        Files.writeString(in, "{\"ticket_id\":\"TKT-1\",\"title\":\"t\",\"description\":\"d\","
                + "\"requester_email\":\"a@example.com\"}");

        CliRun run = OpsFixtures.cli("-q", in.toString(), dir.resolve("out.json").toString());
        CliRun missing = OpsFixtures.cli("-q", dir.resolve("nope.json").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(dir.resolve("out.json")).isNotEmptyFile();
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).contains("nope.json: the file does not exist");
    }
}
