package org.helpdesktriage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.TriageOutcome;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.store.file.DataDirectory;
import org.helpdesktriage.store.file.FileStore;
import org.helpdesktriage.store.provider.Cleanup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory's use cases as an embedding service calls them, without the CLI. */
class RecordedRunTest {

    private static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
    private static final String GOOD = "{\"ticket_id\":\"TKT-1\",\"title\":\"Locked out\","
            + "\"description\":\"locked\",\"requester_email\":\"a@example.com\"}";
    private static final String LONG_TITLE = "{\"ticket_id\":\"TKT-2\",\"title\":\"A title of "
            + "thirty characters\",\"description\":\"d\",\"requester_email\":\"b@example.com\"}";

    // titles of at most 20 characters: LONG_TITLE fails, then passes with the defaults
    private static final TriageConfig STRICT = ConfigLoader.load(Optional.empty(), Map.of(),
            Map.of("max_ticket_title_length", "20"));

    @TempDir
    Path root;

    @Test
    void run_storesTriagedTickets_keepsRejectsAsDeadLetters_andSavesItsRecord() {
        MutableClock clock = new MutableClock(T);
        RunRecord record;
        String runId;
        try (RecordedRun run = RecordedRun.start(
                DataDirectory.openForWriting(root, "import", Duration.ZERO, clock), "import", clock)) {
            runId = run.runId();
            assertThat(runId).matches("20261123T090000Z-[0-9A-F]{6}");
            TriageEngine engine = run.engine(STRICT).build();
            assertThat(run.storing(engine).save(engine.triageJson(GOOD)))
                    .isInstanceOf(TriageOutcome.Triaged.class);
            TriageOutcome bad = engine.triageJson(LONG_TITLE);
            DeadLetter letter = run.deadLetter(((TriageOutcome.Rejected) bad).rejection());
            assertThat(letter.attempts()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(5));
            record = run.finish(4, Map.of("input", "queue"), Map.of("read", 2L));
        }
        assertThat(record.duration()).isEqualTo(Duration.ofSeconds(5));
        try (DataDirectory data = DataDirectory.openForReading(root, clock)) {
            assertThat(data.tickets().get("TKT-1")).isPresent();
            assertThat(data.audit().query(AuditLog.Query.all())).singleElement()
                    .satisfies(e -> assertThat(e.runId()).isEqualTo(runId));
            assertThat(data.deadLetters().list()).singleElement()
                    .satisfies(l -> assertThat(l.runId()).isEqualTo(runId));
            assertThat(data.runs().get(runId)).hasValueSatisfying(
                    r -> assertThat(r.exitCode()).isEqualTo(4));
        }
    }

    @Test
    void replay_afterAConfigurationFix_triagesWhatNowPassesAndCountsTheRest() {
        MutableClock clock = new MutableClock(T);
        try (RecordedRun run = RecordedRun.start(
                DataDirectory.openForWriting(root, "import", Duration.ZERO, clock), "import", clock)) {
            TriageEngine strict = run.engine(STRICT)
                    .build();
            run.deadLetter(((TriageOutcome.Rejected) strict.triageJson(LONG_TITLE)).rejection());
            run.deadLetter(((TriageOutcome.Rejected) strict.triageJson("{broken"))
                    .rejection());
        }
        clock.advance(Duration.ofHours(1));
        List<DeadLetterReplay.Retry> seen = new ArrayList<>();
        DeadLetterReplay.Summary summary;
        try (RecordedRun run = RecordedRun.start(
                DataDirectory.openForWriting(root, "retry", Duration.ZERO, clock), "retry", clock)) {
            summary = DeadLetterReplay.retry(run, run.engine(TriageConfig.defaults()).build(), 0,
                    seen::add);
        }
        assertThat(summary.retried()).isEqualTo(2);
        assertThat(summary.triaged()).isEqualTo(1);
        assertThat(summary.counts()).containsExactly(Map.entry("retried", 2L),
                Map.entry("triaged", 1L), Map.entry("failed", 1L));
        assertThat(seen).extracting(DeadLetterReplay.Retry::triaged)
                .containsExactlyInAnyOrder(true, false);
        try (DataDirectory data = DataDirectory.openForReading(root, clock)) {
            assertThat(data.tickets().get("TKT-2")).isPresent();
            assertThat(data.deadLetters().list()).singleElement().satisfies(l -> {
                assertThat(l.attempts()).isEqualTo(2);
                assertThat(l.time()).isEqualTo(T.plus(Duration.ofHours(1)));
            });
        }
    }

    @Test
    void cleanup_archivesOldFinishedTickets_prunesRunsAndKeepsTheNewestBackups()
            throws IOException {
        MutableClock clock = new MutableClock(T);
        try (RecordedRun run = RecordedRun.start(
                DataDirectory.openForWriting(root, "import", Duration.ZERO, clock), "import", clock)) {
            run.data().tickets().save(TestTickets.aTicket("OLD-CLOSED").status(Status.CLOSED)
                    .updatedAt(T.minus(Duration.ofDays(100))).build());
            run.data().tickets().save(TestTickets.aTicket("OLD-OPEN")
                    .updatedAt(T.minus(Duration.ofDays(100))).build());
            run.data().tickets().save(TestTickets.aTicket("NEW-CLOSED").status(Status.CLOSED)
                    .updatedAt(T.plus(Duration.ofDays(150))).build());
            run.finish(0, Map.of(), Map.of());
        }
        Path backups = Files.createDirectories(root.resolveSibling("backups"));
        for (String stamp : List.of("20261101T000000Z", "20261102T000000Z", "20261103T000000Z")) {
            Files.writeString(backups.resolve("helpdesk-triage-backup-" + stamp + ".tar.gz"), "x");
        }
        Files.writeString(backups.resolve("notes.txt"), "not a backup");
        clock.advance(Duration.ofDays(200));
        Cleanup.Result result;
        try (RecordedRun run = RecordedRun.start(
                DataDirectory.openForWriting(root, "cleanup", Duration.ZERO, clock), "cleanup", clock)) {
            result = Cleanup.run(run, new Cleanup.Settings(Duration.ofDays(90), true,
                    Duration.ofDays(90), Optional.of(backups), 1));
        }
        assertThat(result.moved()).containsExactly("OLD-CLOSED");
        assertThat(result.prunedRuns()).extracting(RunRecord::command).containsExactly("import");
        assertThat(result.prunedBackups()).extracting(p -> p.getFileName().toString())
                .containsExactly("helpdesk-triage-backup-20261101T000000Z.tar.gz",
                        "helpdesk-triage-backup-20261102T000000Z.tar.gz");
        assertThat(backups.resolve("notes.txt")).exists();
        assertThat(result.counts()).containsEntry("tickets_archived", 1L);
        assertThat(new FileStore(root.resolve(Cleanup.ARCHIVE)).get("OLD-CLOSED")).isPresent();
        try (DataDirectory data = DataDirectory.openForReading(root, clock)) {
            assertThat(data.tickets().get("OLD-CLOSED")).isEmpty();
            assertThat(data.audit().query(AuditLog.Query.all().ticket("OLD-CLOSED")))
                    .singleElement().satisfies(e -> assertThat(e.action()).isEqualTo("archive"));
        }
    }

    @Test
    void cleanupSettings_refuseNegativeAges() {
        assertThatThrownBy(() -> new Cleanup.Settings(Duration.ofDays(-1), false,
                Duration.ofDays(90), Optional.empty(), 14))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("olderThan");
    }
}
