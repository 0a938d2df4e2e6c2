package org.helpdesktriage.store.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.store.LockHolder;
import org.helpdesktriage.store.internal.LockWait;

/**
 * The exclusive lock of a data directory: {@code <root>/lock}, so that runs, restores and
 * migrations never write at the same time.
 *
 * <p>The lock itself is an operating-system lock ({@link FileChannel#tryLock}: {@code fcntl} on
 * Unix, {@code LockFileEx} on Windows), which the system releases when the holding process dies,
 * however it dies. The file's body names the holder ({@link LockHolder}: pid, host, start time,
 * command) so that a refused writer can say who holds it. A clean release empties the body but
 * keeps the file: deleting it would let two processes lock two different files of the same name.
 * So a body that is not empty when the lock is free was left by a process that died; taking
 * over is safe (the system lock is free) and is reported by {@link #tookOverFrom()}.
 *
 * <pre>{@code
 * try (DataDirectoryLock lock = DataDirectoryLock.acquire(root, "run", Duration.ofSeconds(30),
 *         Clock.systemUTC())) {
 *     lock.tookOverFrom().ifPresent(h -> err.println("took over a stale lock left by " + h));
 *     ... write ...
 * }
 * }</pre>
 *
 * <p>The lock is one per process and directory: a second {@code acquire} in the same process is
 * refused like one from another process.
 */
public final class DataDirectoryLock implements AutoCloseable {

    /** The lock file's name under the data directory. */
    public static final String FILE = "lock";

    // lock one byte far past the body, so that readers can read the body on every system
    private static final long REGION = 1L << 30;

    /**
     * The locks this process holds, by real path. A process must never open a second descriptor
     * of a lock file it holds: on Unix, closing any descriptor of a file drops every fcntl lock
     * the process holds on it. So attempts and inspections within the process look here first,
     * and all of them synchronize on this map.
     */
    private static final Map<Path, DataDirectoryLock> HELD = new HashMap<>();

    private final Path root;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private final LockHolder holder;
    private final LockHolder stale;

    private DataDirectoryLock(Path root, Path key, FileChannel channel, FileLock lock,
            LockHolder holder, LockHolder stale) {
        this.root = root;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
        this.holder = holder;
        this.stale = stale;
    }

    /**
     * Takes the lock of the data directory {@code root}, creating the directory if needed,
     * waiting up to {@code wait} for another holder to let go (polling with a growing pause).
     *
     * @param command what this process will do, shown to anyone refused meanwhile
     * @param wait how long to wait; zero fails at once
     * @param clock gives the start time written in the lock file
     * @throws TriageException with {@link ErrorCode#LOCKED} naming the holder when the lock is
     *     still held after {@code wait}, or {@link ErrorCode#STORE_FAILED} when the lock file
     *     cannot be used
     */
    public static DataDirectoryLock acquire(Path root, String command, Duration wait, Clock clock) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(wait, "wait");
        Path file = root.resolve(FILE);
        try {
            if (wait.isNegative()) {
                throw new IllegalArgumentException("wait " + wait + " is negative");
            }
            Files.createDirectories(root);
            DataLinks.refuse(root);
            Path key = root.toRealPath();
            // what the last try read of the holder, for the message when waiting is over
            byte[][] lastHolder = {new byte[0]};
            return LockWait.acquire("data directory " + root, wait,
                    () -> tryOnce(root, key, file, command, clock, lastHolder),
                    () -> LockHolder.parse(lastHolder[0]).map(LockHolder::describe).stream()
                            .toList());
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "cannot use the lock file " + file + ": " + e, e);
        }
    }

    // one try: the lock, or empty with what the holder wrote kept in lastHolder[0]
    private static Optional<DataDirectoryLock> tryOnce(Path root, Path key, Path file,
            String command, Clock clock, byte[][] lastHolder) throws IOException {
        synchronized (HELD) {
            DataDirectoryLock mine = HELD.get(key);
            if (mine != null) {
                lastHolder[0] = mine.holder.toJson();
                return Optional.empty();
            }
            FileChannel ch;
            try {
                ch = FileChannel.open(file, StandardOpenOption.CREATE,
                        StandardOpenOption.READ, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                // a restore is swapping the directory: wait for it like a holder
                lastHolder[0] = new byte[0];
                return Optional.empty();
            }
            FileLock fl;
            Object before = fileKey(file);
            try {
                fl = ch.tryLock(REGION, 1, false);
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
            if (fl != null && !sameFile(before, fileKey(file))) {
                // a restore moved the directory aside while this waited: the file
                // locked is no longer the data directory's lock; try the new one
                fl.release();
                ch.close();
                lastHolder[0] = new byte[0];
                return Optional.empty();
            }
            if (fl != null) {
                Optional<LockHolder> left = LockHolder.parse(readBody(ch));
                LockHolder me = LockHolder.self(clock.instant(), command);
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(me.toJson()), 0);
                ch.force(true);
                DataDirectoryLock lock = new DataDirectoryLock(root, key, ch, fl, me,
                        left.orElse(null));
                HELD.put(key, lock);
                return Optional.of(lock);
            }
            lastHolder[0] = readBody(ch);
            ch.close();
            return Optional.empty();
        }
    }

    /**
     * Returns the state of the lock of {@code root} without taking it: free, held (by whom), or
     * free but left behind by a process that died.
     */
    public static LockState inspect(Path root) {
        Path file = root.resolve(FILE);
        synchronized (HELD) {
            return inspectLocked(root, file);
        }
    }

    private static LockState inspectLocked(Path root, Path file) {
        try {
            DataDirectoryLock mine = Files.exists(root) ? HELD.get(root.toRealPath()) : null;
            if (mine != null) {
                return new LockState(LockState.Kind.HELD, Optional.of(mine.holder));
            }
        } catch (IOException e) {
            // fall through to reading the file
        }
        if (Files.isSymbolicLink(file)) {
            throw new TriageException(ErrorCode.STORE_FAILED, DataLinks.refusal(file));
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS)) {
            FileLock fl = ch.tryLock(REGION, 1, true);
            Optional<LockHolder> named = LockHolder.parse(readBody(ch));
            if (fl == null) {
                return new LockState(LockState.Kind.HELD, named);
            }
            fl.release();
            return new LockState(named.isPresent() ? LockState.Kind.STALE : LockState.Kind.FREE,
                    named);
        } catch (NoSuchFileException e) {
            return new LockState(LockState.Kind.FREE, Optional.empty());
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "cannot read the lock file " + file + ": " + e, e);
        }
    }

    /** Returns the identity of a file (device and inode on Unix) without opening it. */
    private static Object fileKey(Path file) throws IOException {
        try {
            return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (NoSuchFileException e) {
            return MISSING;
        }
    }

    private static final Object MISSING = new Object();

    // where a system gives no file keys (Windows, which cannot rename an open file's
    // directory anyway), the file cannot have been swapped
    private static boolean sameFile(Object before, Object after) {
        return before != MISSING && after != MISSING
                && (before == null || after == null || before.equals(after));
    }

    private static byte[] readBody(FileChannel ch) throws IOException {
        long size = Math.min(ch.size(), 64 * 1024);
        ByteBuffer buf = ByteBuffer.allocate((int) size);
        while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
            // keep reading
        }
        return java.util.Arrays.copyOf(buf.array(), buf.position());
    }

    /** Returns the data directory this lock guards. */
    public Path root() {
        return root;
    }

    /** Returns this process's entry in the lock file. */
    public LockHolder holder() {
        return holder;
    }

    /**
     * Returns the holder named by a lock left behind by a process that died, which this lock
     * took over; the caller should tell the user "took over a stale lock left by ...".
     */
    public Optional<LockHolder> tookOverFrom() {
        return Optional.ofNullable(stale);
    }

    /** Returns whether this lock is still held. */
    public boolean isHeld() {
        return lock.isValid();
    }

    /** Empties the lock file and releases the lock. */
    @Override
    public void close() {
        synchronized (HELD) {
            if (!channel.isOpen()) {
                return;
            }
            HELD.remove(key, this);
            release();
        }
    }

    private void release() {
        try {
            channel.truncate(0);
            channel.force(true);
            lock.release();
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "cannot release the lock of data directory " + root + ": " + e, e);
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                // the lock goes with the channel anyway
            }
        }
    }

    /**
     * The state of a data directory lock.
     *
     * @param kind free, held, or stale (free but left by a dead process)
     * @param holder who the lock file names, if anyone
     */
    public record LockState(Kind kind, Optional<LockHolder> holder) {

        /** The kinds of lock state; only the operating-system lock decides between them. */
        public enum Kind {
            /** Nobody holds the lock. */
            FREE,
            /** A live process holds the lock. */
            HELD,
            /**
             * Nobody holds the lock, but the lock file names a process: one that died, or the
             * writer of a directory this one was copied from. Information, not a failure.
             */
            STALE
        }

        /**
         * Returns whether the lock file names a holder on another host than this one: a lock
         * on a shared disk, or a directory copied or restored from another machine.
         */
        public boolean onAnotherHost() {
            return holder.map(LockHolder::onAnotherHost).orElse(false);
        }

        /** Describes the state in a sentence fragment. */
        @Override
        public String toString() {
            switch (kind) {
                case HELD:
                    return "held by "
                            + holder.map(LockHolder::describe).orElse("an unnamed process");
                case STALE:
                    return "free; the lock file names " + holder.orElseThrow().describe()
                            + ", which does not hold the lock (" + whyStale()
                            + "); the next writer takes it over";
                default:
                    return "free";
            }
        }

        private String whyStale() {
            LockHolder h = holder.orElseThrow();
            if (h.onAnotherHost()) {
                return "this directory was copied or restored from that host, or that host "
                        + "stopped while holding it on a shared disk";
            }
            return ProcessHandle.of(h.pid()).isPresent()
                    ? "a copy of a directory that process was writing, or a process that "
                            + "died and whose pid was reused"
                    : "the process died, or this is a copy of a directory it was writing";
        }
    }
}
