package org.helpdesktriage.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Writes files so that a crash leaves either the old or the new whole file, never a part.
 *
 * <p>The bytes go to a temporary file {@code .tmp-<random>} in the target's directory, are forced
 * to the device, and the temporary file is renamed over the target in one atomic step; then the
 * directory itself is forced where the operating system allows it (Linux, macOS), so the rename
 * survives a power failure. A crash may leave a stray temporary file: readers ignore names
 * starting with {@value #TEMP_PREFIX}, and {@link StoreHealth} reports them.
 */
public final class AtomicFiles {

    /** The prefix of temporary files. */
    public static final String TEMP_PREFIX = ".tmp-";

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /** Returns whether a file name is that of a temporary file. */
    public static boolean isTemp(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().startsWith(TEMP_PREFIX);
    }

    /** Replaces {@code target} with {@code bytes} atomically and durably. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = tempFileIn(target.toAbsolutePath().getParent());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            moveAtomically(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Returns a fresh temporary path in {@code dir} (the file is not created). */
    public static Path tempFileIn(Path dir) {
        byte[] r = new byte[8];
        RANDOM.nextBytes(r);
        return dir.resolve(TEMP_PREFIX + HexFormat.of().formatHex(r));
    }

    /** Renames {@code from} to {@code to} in one atomic step, replacing {@code to}. */
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
     * Forces a directory's entries to the device, so renames and creations in it are durable.
     * Some systems (Windows) cannot open a directory; there the call does nothing, as NTFS
     * journals renames itself.
     */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here; see the Javadoc
        }
    }
}
