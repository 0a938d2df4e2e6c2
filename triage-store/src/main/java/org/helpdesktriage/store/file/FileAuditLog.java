package org.helpdesktriage.store.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.io.AtomicOutput;
import org.helpdesktriage.core.internal.io.NoSpace;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.core.store.StoreScan.CorruptRecord;
import org.helpdesktriage.store.AuditJson;

/**
 * An append-only {@link AuditLog} in JSON Lines files, {@code <root>/audit/audit-YYYY-MM-DD.jsonl},
 * one file per UTC day of the injected clock.
 *
 * <p>Durability: each {@link #append} is a single write of one whole line to a file opened for
 * appending, followed by {@code fdatasync} ({@code force(false)}), so an entry is on the device
 * when {@code append} returns and a crash can at worst leave an unfinished last line. That costs
 * one sync per entry; audit entries are written per changed ticket (escalations, deletions), a
 * rate at which the cost does not matter, and an audit trail that loses acknowledged entries is
 * worth little. With {@code syncEachAppend = false} (bulk imports) entries are synced by
 * {@link #flush()} and {@link #close()} instead.
 *
 * <p>An unfinished last line (no newline) is ignored by queries, since a writer may be in the
 * middle of it, and is cut off when the file is next opened for appending (its append never
 * returned). Any other line that is not a valid entry makes {@link #query} refuse, naming the file
 * and line; {@link #problems()} lists them for health checks. Writers must hold the data
 * directory lock; readers need not.
 */
public final class FileAuditLog implements AuditLog, AutoCloseable, java.io.Flushable {

    /** The name of the audit directory under the data directory. */
    public static final String AUDIT = "audit";

    private final Path dir;
    private final Clock clock;
    private final boolean syncEachAppend;
    private FileChannel channel;
    private LocalDate channelDay;

    /** Creates a log under {@code <root>/audit} that syncs every append. */
    public FileAuditLog(Path root, Clock clock) {
        this(root, clock, true);
    }

    /** Creates a log under {@code <root>/audit}; see the class comment on syncing. */
    public FileAuditLog(Path root, Clock clock, boolean syncEachAppend) {
        this.dir = Objects.requireNonNull(root, "root").resolve(AUDIT);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.syncEachAppend = syncEachAppend;
    }

    /** Returns the directory holding the audit files. */
    public Path directory() {
        return dir;
    }

    /** Returns the name of the file for a UTC day: {@code audit-2026-11-23.jsonl}. */
    public static String fileName(LocalDate day) {
        return "audit-" + day + ".jsonl";
    }

    @Override
    public synchronized void append(AuditLog.Entry entry) {
        Objects.requireNonNull(entry, "entry");
        byte[] line = (AuditJson.toLine(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Path file = dir.resolve(fileName(day));
        try {
            if (channel == null || !day.equals(channelDay)) {
                closeChannel();
                channel = open(file);
                channelDay = day;
            }
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            if (syncEachAppend) {
                channel.force(false);
            }
        } catch (IOException e) {
            if (NoSpace.is(e)) {
                throw NoSpace.error(file, e);
            }
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "cannot append to the audit log " + file + ": " + e, e);
        }
    }

    private FileChannel open(Path file) throws IOException {
        boolean created = !Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        Files.createDirectories(dir);
        if (!created) {
            cutUnfinishedLine(file);
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
        if (created) {
            AtomicOutput.syncDirectory(dir);
        }
        return ch;
    }

    /**
     * Cuts an unfinished last line (bytes after the last newline) off {@code file}; returns how
     * many bytes were cut. Only a writer holding the data directory lock may call it.
     */
    static long cutUnfinishedLine(Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            throw new TriageException(ErrorCode.STORE_FAILED, DataLinks.refusal(file));
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            long size = ch.size();
            long end = unfinishedFrom(ch);
            if (end < size) {
                ch.truncate(end);
                ch.force(true);
            }
            return size - end;
        }
    }

    /** Returns the length of {@code file} up to its last newline (its size if it ends in one). */
    static long unfinishedFrom(FileChannel ch) throws IOException {
        long end = ch.size();
        ByteBuffer chunk = ByteBuffer.allocate(8192);
        while (end > 0) {
            chunk.clear();
            long from = Math.max(0, end - chunk.capacity());
            chunk.limit((int) (end - from));
            while (chunk.hasRemaining() && ch.read(chunk, from + chunk.position()) > 0) {
                // read the whole chunk
            }
            for (int i = chunk.position() - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            end = from;
        }
        return 0;
    }

    /**
     * Returns the audit files whose last line is unfinished (no newline: an append cut short by
     * a crash, or a copy taken in the middle of one), with the number of bytes after the last
     * newline. Queries ignore such a line; the next writer cuts it.
     */
    public java.util.Map<Path, Long> unfinishedLastLines() {
        java.util.Map<Path, Long> out = new java.util.LinkedHashMap<>();
        for (Path file : files()) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long torn = ch.size() - unfinishedFrom(ch);
                if (torn > 0) {
                    out.put(file, torn);
                }
            } catch (java.nio.file.NoSuchFileException e) {
                // removed since the listing
            } catch (IOException e) {
                throw new TriageException(ErrorCode.STORE_FAILED,
                        "cannot read the audit file " + file + ": " + e, e);
            }
        }
        return out;
    }

    @Override
    public List<AuditLog.Entry> query(AuditLog.Query query) {
        Objects.requireNonNull(query, "query");
        List<AuditLog.Entry> all = new ArrayList<>();
        List<CorruptRecord> bad = new ArrayList<>();
        read(all, bad);
        if (!bad.isEmpty()) {
            throw new TriageException(ErrorCode.STORE_FAILED, "the audit log has "
                    + bad.size() + " unreadable line(s): " + bad);
        }
        return query.select(all);
    }

    /** Returns every audit line that is not a valid entry (unfinished last lines aside). */
    public List<CorruptRecord> problems() {
        List<CorruptRecord> bad = new ArrayList<>();
        read(new ArrayList<>(), bad);
        return bad;
    }

    /** Returns the audit files, oldest day first. */
    public List<Path> files() {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "audit-*.jsonl")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "cannot list the audit directory " + dir + ": " + e, e);
        }
        files.sort(null);
        return files;
    }

    private void read(List<AuditLog.Entry> out, List<CorruptRecord> bad) {
        for (Path file : files()) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                bad.add(new CorruptRecord(file.toString(), "cannot be read: " + e));
                continue;
            }
            int lineNo = 0;
            int start = 0;
            int nl;
            while ((nl = text.indexOf('\n', start)) >= 0) {
                lineNo++;
                String line = text.substring(start, nl);
                start = nl + 1;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(AuditJson.fromLine(line));
                } catch (IllegalArgumentException e) {
                    bad.add(new CorruptRecord(file + " line " + lineNo, e.getMessage()));
                }
            }
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (channel != null) {
            channel.force(false);
        }
    }

    /** Syncs and closes the current file. */
    @Override
    public synchronized void close() {
        try {
            closeChannel();
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "cannot close the audit log in " + dir + ": " + e, e);
        }
    }

    private void closeChannel() throws IOException {
        if (channel != null) {
            try {
                channel.force(false);
            } finally {
                channel.close();
                channel = null;
            }
        }
    }
}
