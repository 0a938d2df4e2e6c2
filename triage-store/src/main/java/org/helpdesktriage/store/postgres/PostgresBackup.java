package org.helpdesktriage.store.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.core.store.StoreScan.CorruptRecord;
import org.helpdesktriage.store.DeadLetter;
import org.helpdesktriage.store.RunRecord;
import org.helpdesktriage.store.archive.DataImage;

/**
 * Backs up a PostgreSQL store into the data directory's archive format, and restores such an
 * archive into it, so that an archive moves between the file store and PostgreSQL both ways.
 *
 * <p>A backup reads one consistent snapshot (a {@code REPEATABLE READ} read-only transaction),
 * so runs may go on meanwhile; it refuses, writing nothing, when a stored ticket cannot be read.
 * A restore verifies the whole archive first (checksums, manifest, every ticket), then replaces
 * tickets, audit log, run records and dead letters in one transaction: a refused or failed
 * restore leaves the database as it was. The caller holds the exclusive {@link StoreLock}.
 */
public final class PostgresBackup {

    private static final int CHUNK = 2000;

    private PostgresBackup() {
    }

    /**
     * Writes a verified archive of the store into {@code outDir}.
     *
     * @return the archive
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} when a stored ticket cannot be
     *     read (nothing is written) or the archive cannot be written
     */
    public static Path create(PostgresDatabase db, Path outDir, Clock clock) {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(clock, "clock");
        Path scratch;
        try {
            Files.createDirectories(outDir);
            scratch = Files.createTempDirectory(outDir, ".helpdesk-triage-image-");
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED, "cannot write backup into "
                    + outDir + ": " + e, e);
        }
        try {
            DataImage image = DataImage.create(scratch);
            List<CorruptRecord> corrupt = new ArrayList<>();
            Transactions.run(db, "cannot read the store for a backup", c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                }
                copyTickets(c, image, corrupt);
                if (corrupt.isEmpty()) {
                    copyRest(c, db, image);
                }
                return null;
            });
            if (!corrupt.isEmpty()) {
                throw new TriageException(ErrorCode.STORE_FAILED, "no backup written: "
                        + corrupt.size() + " stored ticket(s) cannot be read: " + corrupt);
            }
            return image.backup(outDir, clock);
        } finally {
            deleteTree(scratch);
        }
    }

    private static void copyTickets(Connection c, DataImage image, List<CorruptRecord> corrupt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ticket_id, body::text FROM tickets ORDER BY ticket_id")) {
            ps.setFetchSize(CHUNK);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    try {
                        image.add(PostgresTicketStore.parse(id, rs.getString(2)));
                    } catch (TriageException e) {
                        corrupt.add(new CorruptRecord("tickets row '" + id + "'",
                                e.getMessage()));
                    }
                }
            }
        }
    }

    private static void copyRest(Connection c, PostgresDatabase db, DataImage image)
            throws SQLException {
        List<AuditLog.Entry> entries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT time, actor, action, ticket_id, "
                + "changes::text, run_id FROM audit_log ORDER BY id")) {
            ps.setFetchSize(CHUNK);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new AuditLog.Entry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                            rs.getString(3), rs.getString(4),
                            PostgresAuditLog.changesOf(rs.getString(5)), rs.getString(6)));
                }
            }
        }
        image.addAudit(entries.iterator());
        // runs and dead letters are few; read in this snapshot through the same SQL as their logs
        for (RunRecord r : new PostgresRunLog(db).list(c)) {
            image.add(r);
        }
        for (DeadLetter d : new PostgresDeadLetters(db).list(c)) {
            image.add(d);
        }
    }

    /**
     * Replaces the store's contents with a verified archive's, in one transaction.
     *
     * @return how many tickets the store holds afterwards
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} when the archive is refused
     *     (the database is then unchanged)
     */
    public static int restore(PostgresDatabase db, Path archive) {
        Objects.requireNonNull(archive, "archive");
        Path scratch;
        try {
            scratch = Files.createTempDirectory("helpdesk-triage-restore-");
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED, "cannot make a scratch directory "
                    + "for the restore: " + e, e);
        }
        DataImage.Contents contents;
        try {
            contents = DataImage.extract(archive, scratch);
        } catch (TriageException e) {
            throw new TriageException(ErrorCode.STORE_FAILED, e.getMessage() + "; it was not "
                    + "restored and " + db.settings().describe() + " is unchanged", e);
        } finally {
            deleteTree(scratch);
        }
        Transactions.run(db, "cannot restore " + archive, c -> {
            try (Statement st = c.createStatement()) {
                st.execute("TRUNCATE tickets, audit_log, runs, dead_letters");
            }
            List<Ticket> tickets = contents.tickets();
            for (int i = 0; i < tickets.size(); i += CHUNK) {
                PostgresTicketStore.upsert(c, tickets.subList(i, Math.min(i + CHUNK,
                        tickets.size())));
            }
            List<AuditLog.Entry> audit = contents.audit();
            for (int i = 0; i < audit.size(); i += CHUNK) {
                PostgresAuditLog.insert(c, audit.subList(i, Math.min(i + CHUNK, audit.size())));
            }
            PostgresRunLog runs = new PostgresRunLog(db);
            for (RunRecord r : contents.runs()) {
                runs.insert(c, r);
            }
            PostgresDeadLetters letters = new PostgresDeadLetters(db);
            for (DeadLetter d : contents.deadLetters()) {
                letters.insert(c, d);
            }
            return null;
        });
        return contents.tickets().size();
    }

    static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a scratch file left in a temporary directory; the result matters more
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
