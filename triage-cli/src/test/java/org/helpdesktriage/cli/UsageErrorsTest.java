package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
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
}
