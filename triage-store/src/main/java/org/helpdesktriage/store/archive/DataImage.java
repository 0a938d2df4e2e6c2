package org.helpdesktriage.store.archive;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.io.TicketJson;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.store.AuditJson;
import org.helpdesktriage.store.DeadLetter;
import org.helpdesktriage.store.RunRecord;
import org.helpdesktriage.store.file.DeadLetters;
import org.helpdesktriage.store.file.FileAuditLog;
import org.helpdesktriage.store.file.FileNames;
import org.helpdesktriage.store.file.FileStore;
import org.helpdesktriage.store.file.FormatVersion;
import org.helpdesktriage.store.file.RunRecords;

/**
 * A store's contents laid out as a data directory in a scratch directory, so that another store
 * (PostgreSQL) writes and reads the very archives the data directory's {@link Backup} and
 * {@link Restore} do: the same manifest, checksums and files, and an archive moves between
 * stores both ways.
 *
 * <p>The scratch directory is the caller's, temporary, and deleted after use: its files are
 * written plainly, not through {@code AtomicOutput}, since nothing reads them after a crash. The
 * archive made from it is written and verified by {@link Backup#create}, atomically.
 */
public final class DataImage {

    private final Path root;

    private DataImage(Path root) {
        this.root = root;
    }

    /** Starts an image in {@code root}, an empty scratch directory, at the current format. */
    public static DataImage create(Path root) {
        Objects.requireNonNull(root, "root");
        try {
            Files.createDirectories(root.resolve(FileStore.TICKETS));
            Files.createDirectories(root.resolve(FileAuditLog.AUDIT));
            Files.writeString(root.resolve(FormatVersion.FILE), FormatVersion.CURRENT + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failed(root, e);
        }
        return new DataImage(root);
    }

    /** Adds a ticket, as the file store writes it. */
    public void add(Ticket ticket) {
        Path file = root.resolve(FileStore.TICKETS).resolve(FileNames.forId(ticket.ticketId()));
        try {
            Files.writeString(file, TicketJson.toPrettyJson(ticket) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failed(root, e);
        }
    }

    /**
     * Adds audit entries, oldest first, each to the file of its UTC day as the audit log keeps
     * them.
     */
    public void addAudit(Iterator<AuditLog.Entry> entries) {
        LocalDate day = null;
        BufferedWriter out = null;
        try {
            while (entries.hasNext()) {
                AuditLog.Entry e = entries.next();
                LocalDate d = LocalDate.ofInstant(e.time(), ZoneOffset.UTC);
                if (!d.equals(day)) {
                    if (out != null) {
                        out.close();
                    }
                    out = Files.newBufferedWriter(root.resolve(FileAuditLog.AUDIT)
                            .resolve(FileAuditLog.fileName(d)), StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.APPEND);
                    day = d;
                }
                out.write(AuditJson.toLine(e));
                out.write('\n');
            }
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            throw failed(root, e);
        }
    }

    /** Adds a run record. */
    public void add(RunRecord run) {
        new RunRecords(root).save(run);
    }

    /** Adds a dead letter. */
    public void add(DeadLetter letter) {
        new DeadLetters(root).save(letter);
    }

    /** Writes the image as a verified backup archive in {@code outDir}; returns the archive. */
    public Path backup(Path outDir, Clock clock) {
        return Backup.create(root, outDir, clock);
    }

    /**
     * Verifies an archive whole (a backup, or a plain tar of a data directory, within the
     * default {@link ArchiveLimits}) and extracts it into {@code into}, an empty scratch
     * directory, refusing a format this program does not understand.
     *
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} saying what is wrong
     */
    public static Contents extract(Path archive, Path into) {
        try {
            BackupArchive.verify(archive, into, ArchiveLimits.defaults());
            FormatVersion.read(into).ifPresent(v -> FormatVersion.checkReadable(archive, v));
        } catch (IOException | RuntimeException e) {
            throw new TriageException(ErrorCode.STORE_FAILED, "archive " + archive
                    + " was refused (" + e.getMessage() + ")", e);
        }
        try (FileAuditLog audit = new FileAuditLog(into, Clock.systemUTC())) {
            return new Contents(new FileStore(into).scan().requireComplete(),
                    audit.query(AuditLog.Query.all()), new RunRecords(into).list(),
                    new DeadLetters(into).list());
        }
    }

    /**
     * What a verified archive holds.
     *
     * @param tickets the tickets, in id order
     * @param audit the audit entries, oldest first
     * @param runs the run records
     * @param deadLetters the dead letters
     */
    public record Contents(List<Ticket> tickets, List<AuditLog.Entry> audit, List<RunRecord> runs,
            List<DeadLetter> deadLetters) {

        /** Copies the lists. */
        public Contents {
            tickets = List.copyOf(tickets);
            audit = List.copyOf(audit);
            runs = List.copyOf(runs);
            deadLetters = List.copyOf(deadLetters);
        }
    }

    private static TriageException failed(Path root, IOException e) {
        return new TriageException(ErrorCode.STORE_FAILED, "cannot write the backup image in "
                + root + ": " + e, e);
    }
}
