package org.helpdesktriage.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.store.DeadLetter;
import org.helpdesktriage.store.RunRecord;
import org.helpdesktriage.store.archive.Archives;
import org.helpdesktriage.store.archive.Backup;
import org.helpdesktriage.store.archive.Restore;
import org.helpdesktriage.store.file.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Archives move between the file store and PostgreSQL both ways, in one format. */
@ExtendWith(PostgresExtension.class)
class PostgresBackupTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"),
            ZoneOffset.UTC);

    private static PostgresDatabase fresh(TestPostgres pg) {
        String name = pg.newDatabase();
        PostgresDatabase.migrate(pg.settings(name));
        return PostgresDatabase.open(pg.settings(name), 2);
    }

    private static void fill(PostgresDatabase db) {
        db.tickets().saveAll(List.of(PgTickets.ticket("TKT-1"), PgTickets.ticket("a/b:c")),
                db.audit(), List.of(new AuditLog.Entry(PgTickets.T0, "cron", "triage", "TKT-1",
                        Map.of("status", new AuditLog.Entry.Change("new", "triaged")), "RUN-1")));
        db.runs().save(new RunRecord("RUN-1", "triage", PgTickets.T0, PgTickets.T0
                .plusSeconds(1), 0, Map.of("input", "t.json"), Map.of("read", 2L)));
        db.deadLetters().save(new DeadLetter("DL-1", PgTickets.T0, "RUN-1", "t.json line 3",
                "title is missing", Map.of("raw", "{}"), 1));
    }

    @Test
    void postgresBackup_restoresIntoAFileStore_andBackIntoAnotherDatabase(TestPostgres pg,
            @TempDir Path dir) throws IOException {
        try (PostgresDatabase source = fresh(pg); PostgresDatabase target = fresh(pg)) {
            fill(source);
            Path archive = PostgresBackup.create(source, dir.resolve("backups"), CLOCK);
            assertThat(entries(archive)).contains("manifest.json", "checksums.sha256",
                    "format-version", "tickets/TKT-1.json", "audit/audit-2026-11-20.jsonl",
                    "runs/RUN-1.json", "dead-letters/DL-1.json");

            Path data = dir.resolve("data");
            Restore.run(archive, data, CLOCK);
            try (DataDirectory files = DataDirectory.openForReading(data, CLOCK)) {
                assertThat(files.tickets().list()).isEqualTo(source.tickets().list());
                assertThat(files.audit().query(AuditLog.Query.all()))
                        .isEqualTo(source.audit().query(AuditLog.Query.all()));
            }
            // a data directory written by the file store itself, backed up by its own Backup
            Path written = dir.resolve("written");
            Path fromFiles;
            try (DataDirectory files = DataDirectory.openForWriting(written, "triage",
                    Duration.ZERO, CLOCK)) {
                source.tickets().list().forEach(files.tickets()::save);
                source.audit().query(AuditLog.Query.all()).forEach(files.audit()::append);
                source.runs().list().forEach(files.runs()::save);
                source.deadLetters().list().forEach(files.deadLetters()::save);
                files.audit().close();
                fromFiles = Backup.create(written, dir.resolve("file-backups"), CLOCK);
            }
            assertThat(PostgresBackup.restore(target, fromFiles)).isEqualTo(2);
            assertThat(target.tickets().list()).isEqualTo(source.tickets().list());
            assertThat(target.audit().query(AuditLog.Query.all()))
                    .isEqualTo(source.audit().query(AuditLog.Query.all()));
            assertThat(target.runs().list()).isEqualTo(source.runs().list());
            assertThat(target.deadLetters().list()).isEqualTo(source.deadLetters().list());
        }
    }

    @Test
    void corruptArchive_isRefused_andTheDatabaseIsUnchanged(TestPostgres pg, @TempDir Path dir)
            throws IOException {
        try (PostgresDatabase db = fresh(pg)) {
            fill(db);
            Path archive = PostgresBackup.create(db, dir, CLOCK);
            byte[] bytes = Files.readAllBytes(archive);
            bytes[bytes.length / 2] ^= 0x40;
            Path bad = dir.resolve("bad.tar.gz");
            Files.write(bad, bytes);
            db.tickets().save(PgTickets.ticket("TKT-NEW"));
            List<Ticket> before = db.tickets().list();
            assertThatThrownBy(() -> PostgresBackup.restore(db, bad))
                    .hasMessageContaining("was not restored")
                    .hasMessageContaining(db.settings().describe() + " is unchanged");
            assertThat(db.tickets().list()).isEqualTo(before);
        }
    }

    @Test
    void backup_neverHoldsThePassword(TestPostgres pg, @TempDir Path dir) throws IOException {
        try (PostgresDatabase db = fresh(pg)) {
            fill(db);
            Path archive = PostgresBackup.create(db, dir, CLOCK);
            try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1))
                        .doesNotContain(TestPostgres.PASSWORD).contains("TKT-1");
            }
        }
    }

    private static List<String> entries(Path archive) throws IOException {
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                new GZIPInputStream(Files.newInputStream(archive)))) {
            List<String> names = new java.util.ArrayList<>();
            for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                names.add(e.getName());
            }
            return names;
        }
    }
}
