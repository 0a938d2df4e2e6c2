package org.helpdesktriage.store.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.helpdesktriage.core.assign.AgentLedger;
import org.helpdesktriage.core.assign.AssignmentSettings;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.io.AtomicOutput;
import org.helpdesktriage.core.internal.io.TicketJson;
import org.helpdesktriage.core.model.Ticket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory's agent ledger: agents' last assignments and the tickets counting towards
 * their loads, kept in {@code assignment/agents.json} ({@link LedgerFile}) so that successive
 * runs continue one rotation without reading every ticket.
 *
 * <p>The first board opened in a process checks the file against the tickets, so that loads
 * heal after {@code cleanup}, {@code tickets delete}, a restore or a run that died between
 * saving a ticket and writing the ledger: every listed ticket must still be stored, held by that
 * agent and in a load status; tickets written since the file are read for assignees it lacks. A
 * file that is missing, corrupt or written for other load statuses is rebuilt from the stored
 * tickets ({@code metadata.assignee}, {@code metadata.assigned_at}).
 *
 * <p>The file is written with {@link AtomicOutput}, only while the data directory's lock is
 * held (a directory opened for reading keeps its boards in memory), only when something changed,
 * and at most once a second at {@link Board#commit()}, then when the directory is closed
 * ({@link #flush()}): the file store saves one ticket at a time, and rewriting a ledger of
 * thousands of tickets after each would cost more than the ticket. The lock keeps other
 * processes out for the whole run, so they only ever read a flushed file; what a crash keeps
 * from it (the last second) is caught up from the tickets' files by the next process. One board
 * at a time in a process.
 */
public final class FileLedger implements AgentLedger {

    private static final Logger LOG = LoggerFactory.getLogger(FileLedger.class);

    /** A file written this long before the ledger may still be newer than what it records. */
    private static final long SLACK_MILLIS = 2_000;

    /** The least time between two writes at commit. */
    private static final long WRITE_EVERY_NANOS = 1_000_000_000L;

    private final Path root;
    private final FileStore store;
    private final BooleanSupplier writable;
    private final ReentrantLock lock = new ReentrantLock();
    private LedgerFile state;
    private boolean dirty;
    private long writtenAt = System.nanoTime() - WRITE_EVERY_NANOS;

    /**
     * Creates the ledger of a data directory.
     *
     * @param root the data directory
     * @param store its tickets
     * @param writable whether the directory's lock is held, so the file may be written
     */
    FileLedger(Path root, FileStore store, BooleanSupplier writable) {
        this.root = Objects.requireNonNull(root, "root");
        this.store = Objects.requireNonNull(store, "store");
        this.writable = Objects.requireNonNull(writable, "writable");
    }

    /** Returns the ledger file's path. */
    public Path file() {
        return LedgerFile.of(root);
    }

    @Override
    public Board open(AssignmentSettings settings) {
        Objects.requireNonNull(settings, "settings");
        lock.lock();
        try {
            if (state == null || !state.loadStatuses().equals(settings.loadStatuses())) {
                load(settings);
            }
            return new FileBoard();
        } catch (RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    private void load(AssignmentSettings settings) {
        LedgerFile read = null;
        String why;
        FileTime written = null;
        try {
            written = Files.getLastModifiedTime(file());
            read = LedgerFile.read(root);
            why = read.loadStatuses().equals(settings.loadStatuses()) ? null
                    : "it was written for other load statuses";
        } catch (NoSuchFileException e) {
            why = "it is missing";
        } catch (IOException | IllegalArgumentException e) {
            why = "it cannot be read (" + e.getMessage() + ")";
        }
        if (why != null) {
            LOG.info("rebuilding the agent ledger {} from the stored tickets: {}", file(), why);
            state = rebuild(settings);
            dirty = true;
            return;
        }
        state = read;
        dirty = verify(settings) | catchUp(settings, written.toMillis() - SLACK_MILLIS);
    }

    private LedgerFile rebuild(AssignmentSettings settings) {
        LedgerFile ledger = LedgerFile.empty(settings.loadStatuses());
        store.scan().tickets().forEach(t -> note(ledger, settings, t));
        return ledger;
    }

    private static void note(LedgerFile ledger, AssignmentSettings settings, Ticket t) {
        String agent = AgentLedger.assigneeOf(t);
        if (agent == null) {
            return;
        }
        if (settings.countsAsLoad(t.status())) {
            ledger.held().computeIfAbsent(agent, a -> new TreeSet<>()).add(t.ticketId());
        }
        Instant at = AgentLedger.assignedAtOf(t);
        if (at != null) {
            ledger.last().merge(agent, at, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    // every listed ticket must still be stored, still that agent's, still in a load status
    private boolean verify(AssignmentSettings settings) {
        boolean changed = false;
        for (Map.Entry<String, Set<String>> e : state.held().entrySet()) {
            for (Iterator<String> it = e.getValue().iterator(); it.hasNext(); ) {
                String id = it.next();
                Ticket t;
                try {
                    t = store.get(id).orElse(null);
                } catch (TriageException unreadable) {
                    t = null;
                }
                if (t == null || !e.getKey().equals(AgentLedger.assigneeOf(t))
                        || !settings.countsAsLoad(t.status())) {
                    it.remove();
                    changed = true;
                }
            }
        }
        return changed;
    }

    // tickets written since the ledger (a run that died before writing it): their assignees
    private boolean catchUp(AssignmentSettings settings, long sinceMillis) {
        boolean changed = false;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(store.directory())) {
            for (Path f : files) {
                if (AtomicOutput.isTemporary(f) || !f.toString().endsWith(FileNames.EXTENSION)
                        || Files.getLastModifiedTime(f).toMillis() < sinceMillis) {
                    continue;
                }
                Ticket t;
                try {
                    t = TicketJson.fromJson(Files.readAllBytes(f), f.toString());
                } catch (TriageException | IOException unreadable) {
                    continue;
                }
                String agent = AgentLedger.assigneeOf(t);
                if (agent != null && settings.countsAsLoad(t.status())) {
                    changed |= state.held().computeIfAbsent(agent, a -> new TreeSet<>())
                            .add(t.ticketId());
                }
                Instant at = agent == null ? null : AgentLedger.assignedAtOf(t);
                Instant known = at == null ? null : state.last().get(agent);
                if (at != null && (known == null || at.isAfter(known))) {
                    state.last().put(agent, at);
                    changed = true;
                }
            }
        } catch (NoSuchFileException e) {
            return changed;
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED, "cannot list "
                    + store.directory() + " to check the agent ledger: " + e, e);
        }
        return changed;
    }

    /**
     * Writes what was committed and not yet written; the data directory calls it when it is
     * closed, under its lock. Does nothing when nothing changed or the lock is not held.
     *
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} when the file cannot be
     *     written (the next process rebuilds what it lacks from the tickets)
     */
    public void flush() {
        lock.lock();
        try {
            if (dirty && state != null && writable.getAsBoolean()) {
                write();
            }
        } finally {
            lock.unlock();
        }
    }

    private void write() {
        try {
            state.write(root);
        } catch (IOException e) {
            state = null;
            throw new TriageException(ErrorCode.STORE_FAILED, "cannot write the agent ledger "
                    + file() + ": " + e, e);
        }
        dirty = false;
        writtenAt = System.nanoTime();
    }

    private final class FileBoard implements Board {
        // what to undo when the board closes without a commit
        private final Deque<Runnable> undo = new ArrayDeque<>();
        private boolean closed;

        @Override
        public int load(String agentId) {
            return state.held().getOrDefault(agentId, Set.of()).size();
        }

        @Override
        public Instant lastAssigned(String agentId) {
            return state.last().get(agentId);
        }

        @Override
        public void took(String agentId, String ticketId) {
            if (state.held().computeIfAbsent(agentId, a -> new TreeSet<>()).add(ticketId)) {
                undo.push(() -> state.held().get(agentId).remove(ticketId));
                dirty = true;
            }
        }

        @Override
        public void released(String agentId, String ticketId) {
            Set<String> ids = state.held().get(agentId);
            if (ids != null && ids.remove(ticketId)) {
                undo.push(() -> ids.add(ticketId));
                dirty = true;
            }
        }

        @Override
        public void assigned(String agentId, Instant at) {
            Instant before = state.last().get(agentId);
            if (before == null || at.isAfter(before)) {
                state.last().put(agentId, at);
                undo.push(() -> {
                    if (before == null) {
                        state.last().remove(agentId);
                    } else {
                        state.last().put(agentId, before);
                    }
                });
                dirty = true;
            }
        }

        @Override
        public void commit() {
            if (dirty && !writable.getAsBoolean()) {
                throw new IllegalStateException("data directory " + root + " is open for "
                        + "reading only; the agent ledger is written under its lock");
            }
            undo.clear();
            if (dirty && System.nanoTime() - writtenAt >= WRITE_EVERY_NANOS) {
                // the tickets are saved: a failure here loses nothing the next process lacks
                write();
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (state != null) {
                    undo.forEach(Runnable::run);
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
