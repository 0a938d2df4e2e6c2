package org.helpdesktriage.store.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.io.AtomicOutput;
import org.helpdesktriage.core.internal.io.NoSpace;
import org.helpdesktriage.core.internal.io.TicketJson;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.StoreScan.CorruptRecord;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.core.store.TicketStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TicketStore} keeping one JSON file per ticket in {@code <root>/tickets/}.
 *
 * <p>File names come from {@link FileNames#forId(String)}, so any id is safe. Every write is
 * atomic ({@link AtomicOutput}): after a crash each ticket file is whole, old or new. A file that
 * is not a valid ticket, or holds a ticket whose id does not give its file name, is never skipped
 * silently: {@link #get} refuses naming the file, {@link #scan()} and {@link #corruptFiles()}
 * list it, and {@link #list()} and {@link #count()} refuse naming it. Temporary files left by a
 * crash ({@code .tmp-*}) are not tickets: they are ignored by reads, listed by
 * {@link #strayTempFiles()} and removed by {@link #removeStrayTempFiles()}.
 *
 * <p>The store is safe for concurrent use by threads of one process. Across processes, writers
 * must hold the data directory lock ({@link DataDirectoryLock}).
 */
public final class FileStore implements TicketStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileStore.class);

    /** The name of the tickets directory under the data directory. */
    public static final String TICKETS = "tickets";

    private final Path dir;

    /** Creates a store over {@code <root>/tickets}; the directory is created on first save. */
    public FileStore(Path root) {
        this.dir = Objects.requireNonNull(root, "root").resolve(TICKETS);
    }

    /** Returns the directory holding the ticket files. */
    public Path directory() {
        return dir;
    }

    /** Returns the file that holds (or would hold) the ticket with this id. */
    public Path fileOf(String ticketId) {
        return dir.resolve(FileNames.forId(ticketId));
    }

    @Override
    public void save(Ticket ticket) {
        Objects.requireNonNull(ticket, "ticket");
        Path file = fileOf(ticket.ticketId());
        try {
            Files.createDirectories(dir);
            AtomicOutput.write(file, (TicketJson.toPrettyJson(ticket) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (NoSpace.is(e)) {
                throw NoSpace.error(file, e);
            }
            throw new TriageException(ErrorCode.STORE_FAILED, "cannot write ticket '"
                    + ticket.ticketId() + "' to " + file + ": " + e, e);
        }
    }

    @Override
    public Optional<Ticket> get(String ticketId) {
        Objects.requireNonNull(ticketId, "ticketId");
        Path file = fileOf(ticketId);
        if (Files.isSymbolicLink(file)) {
            throw new TriageException(ErrorCode.STORE_FAILED, DataLinks.refusal(file));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "cannot read ticket file " + file + ": " + e, e);
        }
        Ticket t = parse(file, bytes);
        if (!t.ticketId().equals(ticketId)) {
            throw new TriageException(ErrorCode.STORE_FAILED, "ticket file " + file
                    + " holds ticket '" + t.ticketId() + "', not '" + ticketId + "'");
        }
        return Optional.of(t);
    }

    private static Ticket parse(Path file, byte[] bytes) {
        try {
            return TicketJson.fromJson(bytes, file.toString());
        } catch (TriageException e) {
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "ticket file " + e.getMessage(), e);
        }
    }

    @Override
    public boolean delete(String ticketId) {
        Objects.requireNonNull(ticketId, "ticketId");
        Path file = fileOf(ticketId);
        try {
            boolean deleted = Files.deleteIfExists(file);
            if (deleted) {
                AtomicOutput.syncDirectory(dir);
            }
            return deleted;
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "cannot delete ticket file " + file + ": " + e, e);
        }
    }

    @Override
    public StoreScan scan() {
        List<Ticket> tickets = new ArrayList<>();
        List<CorruptRecord> corrupt = new ArrayList<>();
        for (Path file : entries(false)) {
            if (Files.isSymbolicLink(file)) {
                // never read: its target lies outside the data directory, and is not quoted
                corrupt.add(new CorruptRecord(file.toString(), "is a symbolic link, which "
                        + "helpdesk-triage never follows inside a data directory"));
                continue;
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                continue; // deleted since the listing: not a ticket any more
            } catch (IOException e) {
                corrupt.add(new CorruptRecord(file.toString(), "cannot be read: " + e));
                continue;
            }
            Ticket t;
            try {
                t = TicketJson.fromJson(bytes, file.toString());
            } catch (TriageException e) {
                String msg = e.getMessage();
                corrupt.add(new CorruptRecord(file.toString(),
                        msg.substring(Math.min(msg.length(), file.toString().length() + 1))));
                continue;
            }
            String expected = FileNames.forId(t.ticketId());
            if (!expected.equals(file.getFileName().toString())) {
                corrupt.add(new CorruptRecord(file.toString(), "holds ticket '" + t.ticketId()
                        + "', whose file would be " + expected));
                continue;
            }
            tickets.add(t);
        }
        tickets.sort(Comparator.comparing(Ticket::ticketId));
        corrupt.sort(Comparator.comparing(CorruptRecord::location));
        return new StoreScan(tickets, corrupt);
    }

    /** Returns every ticket file that cannot be read as its ticket, for health checks. */
    public List<CorruptRecord> corruptFiles() {
        return scan().corrupt();
    }

    /** Returns the temporary files a crash left behind, in name order. */
    public List<Path> strayTempFiles() {
        return entries(true);
    }

    /**
     * Deletes the temporary files a crash left behind and returns them. Call it only while
     * holding the data directory lock: another writer's temporary file is not stray.
     */
    public List<Path> removeStrayTempFiles() {
        List<Path> stray = strayTempFiles();
        for (Path p : stray) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new TriageException(ErrorCode.STORE_FAILED,
                        "cannot delete temporary file " + p + ": " + e, e);
            }
        }
        if (!stray.isEmpty()) {
            LOG.info("removed {} temporary file(s) left by an interrupted write in {}",
                    stray.size(), dir);
        }
        return stray;
    }

    @Override
    public void clear() {
        List<Path> all = new ArrayList<>(entries(false));
        all.addAll(entries(true));
        for (Path p : all) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new TriageException(ErrorCode.STORE_FAILED,
                        "cannot delete ticket file " + p + ": " + e, e);
            }
        }
        AtomicOutput.syncDirectory(dir);
    }

    /** Lists the ticket files ({@code temp == false}) or the temporary files, by name. */
    private List<Path> entries(boolean temp) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                boolean isTemp = AtomicOutput.isTemporary(p);
                if (temp ? isTemp : !isTemp && name.endsWith(FileNames.EXTENSION)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "cannot list the tickets directory " + dir + ": " + e, e);
        }
        out.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return out;
    }
}
