package org.helpdesktriage.core.internal.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A file written atomically: bytes go to a temporary file beside the target, which
 * {@link #commit()} forces to disk and renames over the target. A reader sees the old file or
 * the whole new one, never half of it; closing without committing deletes the temporary file,
 * so a failed run leaves no partial output. A target that is neither a file nor a folder (a
 * device such as /dev/null or /dev/stdout, a named pipe) is written in place, since renaming
 * over it would replace the device.
 *
 * <pre>{@code
 * try (AtomicOutput out = AtomicOutput.create(Path.of("out.json"))) {
 *     out.stream().write(bytes);
 *     out.commit();
 * }
 * }</pre>
 */
public final class AtomicOutput implements AutoCloseable {

    /** The prefix of temporary files; readers of a directory skip names that start with it. */
    public static final String TEMP_PREFIX = ".tmp-";

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean committed;
    private boolean closed;

    private AtomicOutput(Path target) throws IOException {
        this.target = target;
        if (isDevice(target)) {
            // /dev/null, /dev/stdout, a named pipe: written in place, since renaming a file
            // over it would replace the device (as root) instead of writing to it
            this.temp = null;
            this.channel = null;
            OutputStream direct;
            try {
                direct = Files.newOutputStream(target, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw NoSpace.is(e) ? NoSpace.naming(target, e) : e;
            }
            this.stream = new BufferedOutputStream(direct, 1 << 16);
            return;
        }
        Path dir = target.toAbsolutePath().getParent();
        this.temp = temporaryFor(dir, target);
        try {
            Files.createDirectories(dir);
            this.channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            // the user named the target, not the temporary file beside it
            String reason = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null
                            ? fse.getReason() : e.getMessage();
            java.nio.file.FileSystemException named = new java.nio.file.FileSystemException(
                    target.toString(), null, "cannot be written: the folder " + dir
                            + " does not accept new files (" + reason + ")");
            named.initCause(e);
            throw NoSpace.is(e) ? NoSpace.naming(target, e) : named;
        }
        this.stream = new BufferedOutputStream(new FilterOutputStream(
                Channels.newOutputStream(channel)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    throw NoSpace.naming(target, e);
                }
            }

            @Override
            public void close() {
                // the channel is closed by AtomicOutput, after it is forced to disk
            }
        }, 1 << 16);
    }

    /** Opens a temporary file for {@code target}. */
    public static AtomicOutput create(Path target) throws IOException {
        return new AtomicOutput(Objects.requireNonNull(target, "target"));
    }

    /** Returns the stream to write to; do not close it, commit or close this instead. */
    public OutputStream stream() {
        return stream;
    }

    /** Returns the file this output will replace. */
    public Path target() {
        return target;
    }

    /** Flushes, forces the bytes to disk and renames the temporary file over the target. */
    public void commit() throws IOException {
        if (closed) {
            throw new IllegalStateException("already closed: " + target);
        }
        if (channel == null) {
            try {
                stream.close();
            } catch (IOException e) {
                throw NoSpace.naming(target, e);
            }
            committed = true;
            closed = true;
            return;
        }
        try {
            stream.flush();
            channel.force(true);
            channel.close();
        } catch (IOException e) {
            throw NoSpace.naming(target, e);
        }
        moveAtomically(temp, target);
        syncDirectory(target.toAbsolutePath().getParent());
        committed = true;
        closed = true;
    }

    /** Deletes the temporary file unless the output was committed. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (channel == null) {
            stream.close();
            return;
        }
        try {
            channel.close();
        } finally {
            if (!committed) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Returns whether {@code target} is something other than a file or a folder (a character
     * device such as /dev/null, a named pipe, a socket), which is written in place.
     */
    static boolean isDevice(Path target) {
        return Files.exists(target) && !Files.isRegularFile(target)
                && !Files.isDirectory(target);
    }

    /** Replaces {@code target} with {@code bytes} atomically and durably. */
    public static void write(Path target, byte[] bytes) throws IOException {
        try (AtomicOutput out = create(target)) {
            out.stream().write(bytes);
            out.commit();
        }
    }

    /** Returns whether a file name is that of a temporary file. */
    public static boolean isTemporary(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().startsWith(TEMP_PREFIX);
    }

    /**
     * Returns a fresh temporary path for {@code target} in {@code dir}, named
     * {@code .tmp-<target tag>-<pid>-<random>}: the tag ties it to its target and the process id
     * to its writer, so {@link #removeOrphans} can tell a dead writer's file from a live one's.
     */
    static Path temporaryFor(Path dir, Path target) {
        byte[] r = new byte[8];
        RANDOM.nextBytes(r);
        return dir.resolve(orphanPrefix(target) + ProcessHandle.current().pid() + "-"
                + java.util.HexFormat.of().formatHex(r));
    }

    private static String orphanPrefix(Path target) {
        Path name = target.toAbsolutePath().getFileName();
        byte[] digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                    String.valueOf(name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        return TEMP_PREFIX + java.util.HexFormat.of().formatHex(digest, 0, 4) + "-";
    }

    /**
     * Deletes the temporary files that writers of {@code target} left when they died (kill -9,
     * power loss) and returns them; a file whose writer is still running is left alone. Call it
     * before writing {@code target}: the next run writing there cleans what a dead one left.
     * Writers are told apart by process id, so this assumes the directory is written from one
     * machine; a temporary file of another machine's live writer could be taken for an orphan,
     * and that writer's commit then fails with an error (nothing is lost silently).
     *
     * @throws IOException when the directory cannot be listed or a file cannot be deleted
     */
    public static java.util.List<Path> removeOrphans(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        java.util.List<Path> removed = new java.util.ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return removed;
        }
        String prefix = orphanPrefix(target);
        long self = ProcessHandle.current().pid();
        try (java.nio.file.DirectoryStream<Path> files =
                Files.newDirectoryStream(dir, prefix + "*")) {
            for (Path f : files) {
                String rest = f.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                long pid;
                try {
                    pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                } catch (NumberFormatException e) {
                    continue; // not a name this class gives
                }
                boolean alive = pid == self || ProcessHandle.of(pid)
                        .map(ProcessHandle::isAlive).orElse(false);
                if (!alive && Files.deleteIfExists(f)) {
                    removed.add(f);
                }
            }
        }
        return removed;
    }

    /** Returns a fresh temporary path in {@code dir}; the file is not created. */
    public static Path temporaryIn(Path dir) {
        byte[] r = new byte[8];
        RANDOM.nextBytes(r);
        return dir.resolve(TEMP_PREFIX + java.util.HexFormat.of().formatHex(r));
    }

    /**
     * Renames {@code from} to {@code to} in one atomic step, replacing {@code to}.
     *
     * @throws IOException when the file system cannot rename atomically (across file systems)
     */
    public static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + from + " to " + to
                    + " atomically (are they on different file systems?)", e);
        }
    }

    /**
     * Forces a directory's entries to disk, so renames in it survive a power failure. Some
     * systems (Windows) cannot open a directory; there it does nothing, as NTFS journals renames.
     */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can open a directory; the rename is still atomic there
        }
    }
}
