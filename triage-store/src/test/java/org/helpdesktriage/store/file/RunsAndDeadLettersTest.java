package org.helpdesktriage.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.helpdesktriage.store.DeadLetter;
import org.helpdesktriage.store.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsAndDeadLettersTest {

    private static final Instant T = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path root;

    @Test
    void pruneBefore_removesOnlyTheOlderLetters_andTicketIdReadsAliases() {
        DeadLetters dl = new DeadLetters(root);
        dl.save(new DeadLetter("old", T, null, "a.csv line 2", "title is blank",
                Map.of("Ticket ID", " TKT-1 "), 1));
        dl.save(new DeadLetter("new", T.plusSeconds(3600), null, "a.csv line 3",
                "title is blank", Map.of("id", "TKT-2"), 1));
        dl.save(new DeadLetter("none", T.plusSeconds(3600), null, "a.csv line 4", "not JSON",
                Map.of("raw", "{"), 1));
        assertThat(dl.list()).extracting(d -> d.ticketId().orElse("-"))
                .containsExactly("TKT-1", "TKT-2", "-");
        assertThat(dl.pruneBefore(T.plusSeconds(60))).extracting(DeadLetter::id)
                .containsExactly("old");
        assertThat(dl.list()).extracting(DeadLetter::id).containsExactly("new", "none");
    }

    @Test
    void deadLetters_areKeptListedOldestFirst_andTakenForRetry() throws Exception {
        DeadLetters dl = new DeadLetters(root);
        dl.save(new DeadLetter("run-2-1", T.plusSeconds(60), "run-2", "b.csv line 3",
                "requester_email 'a@b' is not a valid address", Map.of("email", "a@b"), 1));
        dl.save(new DeadLetter("run-1-1", T, "run-1", "a.csv line 2", "title is blank",
                Map.of("title", ""), 1));
        assertThat(dl.list()).extracting(DeadLetter::id).containsExactly("run-1-1", "run-2-1");
        DeadLetter first = dl.oldest(1).get(0);
        assertThat(first.record()).containsEntry("title", "");
        dl.save(first.failedAgain(T.plusSeconds(120), "title is still blank", "run-3"));
        assertThat(dl.get("run-1-1")).hasValueSatisfying(d -> {
            assertThat(d.attempts()).isEqualTo(2);
            assertThat(d.runId()).isEqualTo("run-3");
        });
        assertThat(dl.remove("run-2-1")).isTrue();
        assertThat(dl.count()).isEqualTo(1);
        Files.writeString(root.resolve("dead-letters").resolve("X.json"), "{");
        assertThatThrownBy(dl::list).hasMessageContaining("X.json");
    }

    @Test
    void runRecords_listNewestFirst_andPruneByAge() {
        RunRecords runs = new RunRecords(root);
        runs.save(new RunRecord("run-1", "run a.csv", T, T.plusSeconds(5), 4,
                Map.of("input", "a.csv"), Map.of("read", 10L, "triaged", 9L, "rejected", 1L)));
        runs.save(new RunRecord("run-2", "run b.csv", T.plusSeconds(3600),
                T.plusSeconds(3601), 0, Map.of(), Map.of("read", 1L)));
        assertThat(runs.list()).extracting(RunRecord::runId).containsExactly("run-2", "run-1");
        assertThat(runs.get("run-1")).hasValueSatisfying(
                r -> {
                    assertThat(r.counts()).containsEntry("rejected", 1L);
                    assertThat(r.exitCode()).isEqualTo(4);
                    assertThat(r.details()).containsEntry("input", "a.csv");
                });
        assertThat(runs.pruneStartedBefore(T.plusSeconds(60))).extracting(RunRecord::runId)
                .containsExactly("run-1");
        assertThat(runs.list()).extracting(RunRecord::runId).containsExactly("run-2");
    }
}
