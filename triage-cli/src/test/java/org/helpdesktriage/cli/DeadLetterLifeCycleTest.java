package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.helpdesktriage.store.DeadLetter;
import org.helpdesktriage.store.file.DataDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dead letters have a life cycle: a corrected re-import resolves them, discard removes them by id
 * or age, cleanup prunes them by retention, and the list shows whole reasons.
 */
class DeadLetterLifeCycleTest {

    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");
    private static final String LONG_TITLE = "x".repeat(300);

    @TempDir
    Path dir;
    Path data;

    private CliRun at(Instant when, String... args) {
        return CliRun.runAt(Clock.fixed(when, ZoneOffset.UTC), Map.of(), "", args);
    }

    private static String line(String id, String title, String email) {
        return "{\"ticket_id\":\"" + id + "\",\"title\":\"" + title + "\",\"description\":\"jam\","
                + "\"requester_email\":\"" + email + "\",\"created_at\":\"2026-11-20T10:00:00Z\"}";
    }

    private CliRun triage(Instant when, String... lines) throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n", lines));
        return at(when, in.toString(), dir.resolve("out.json").toString(), "--store", "file",
                "--data-dir", data.toString(), "--config",
                Path.of("..", "config.json").toString());
    }

    private java.util.List<DeadLetter> letters() {
        try (DataDirectory d = DataDirectory.openForReading(data, Clock.systemUTC())) {
            return d.deadLetters().list();
        }
    }

    @BeforeEach
    void twoBadRecords() throws IOException {
        data = dir.resolve("data");
        CliRun run = triage(T0, line("TKT-1", "Printer", "a@b"), line("TKT-2", "Printer", "c@d"),
                line("TKT-3", LONG_TITLE, "e@example.com"));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
        assertThat(letters()).hasSize(3);
    }

    @Test
    void list_showsTheWholeReason_wrapped() {
        CliRun list = at(T0, "dead-letters", "list", "--data-dir", data.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        String reason = letters().stream().filter(d -> d.ticketId().orElse("").equals("TKT-3"))
                .findFirst().orElseThrow().reason();
        assertThat(reason.length()).isGreaterThan(60);
        assertThat(list.out()).doesNotContain("...");
        String joined = list.out().replaceAll("\\s+", " ");
        assertThat(joined).contains(reason.replaceAll("\\s+", " "));
    }

    @Test
    void aCorrectedReimport_resolvesTheLetterOfTheSameTicketId() throws IOException {
        CliRun fixed = triage(T0.plusSeconds(60), line("TKT-1", "Printer", "a@example.com"));
        assertThat(fixed.exitCode()).as(fixed.err()).isZero();
        assertThat(letters()).extracting(d -> d.ticketId().orElseThrow())
                .containsExactlyInAnyOrder("TKT-2", "TKT-3");
        try (DataDirectory d = DataDirectory.openForReading(data, Clock.systemUTC())) {
            assertThat(d.runs().list()).anySatisfy(r -> assertThat(r.counts())
                    .containsEntry("dead_letters_resolved", 1L));
        }
    }

    @Test
    void discard_byIdAndByAge_andAnUnknownIdIsNamed() {
        String first = letters().get(0).id();
        CliRun byId = at(T0, "dead-letters", "discard", first, "DL-NONE", "--data-dir",
                data.toString());
        assertThat(byId.exitCode()).isEqualTo(3);
        assertThat(byId.err()).contains("there is no dead letter 'DL-NONE'");
        assertThat(letters()).hasSize(2).extracting(DeadLetter::id).doesNotContain(first);

        CliRun young = at(T0.plus(Duration.ofDays(1)), "dead-letters", "discard",
                "--older-than", "2d", "--data-dir", data.toString());
        assertThat(young.exitCode()).as(young.err()).isZero();
        assertThat(letters()).hasSize(2);
        CliRun old = at(T0.plus(Duration.ofDays(3)), "dead-letters", "discard",
                "--older-than", "2d", "--data-dir", data.toString());
        assertThat(old.exitCode()).as(old.err()).isZero();
        assertThat(letters()).isEmpty();

        assertThat(at(T0, "dead-letters", "discard", "--data-dir", data.toString()).exitCode())
                .as("neither ids nor --older-than").isEqualTo(2);
    }

    @Test
    void cleanup_prunesDeadLettersBeyondTheirRetention() {
        CliRun kept = at(T0.plus(Duration.ofDays(5)), "cleanup", "--older-than", "90d",
                "--keep-dead-letters", "7d", "--data-dir", data.toString());
        assertThat(kept.exitCode()).as(kept.err()).isZero();
        assertThat(letters()).hasSize(3);
        CliRun dry = at(T0.plus(Duration.ofDays(8)), "cleanup", "--older-than", "90d",
                "--keep-dead-letters", "7d", "--dry-run", "--data-dir", data.toString());
        assertThat(dry.out()).contains("would prune dead letter");
        assertThat(letters()).hasSize(3);
        CliRun pruned = at(T0.plus(Duration.ofDays(8)), "cleanup", "--older-than", "90d",
                "--keep-dead-letters", "7d", "--data-dir", data.toString());
        assertThat(pruned.exitCode()).as(pruned.err()).isZero();
        assertThat(pruned.out() + pruned.err()).contains("3 dead letters");
        assertThat(letters()).isEmpty();
    }
}
