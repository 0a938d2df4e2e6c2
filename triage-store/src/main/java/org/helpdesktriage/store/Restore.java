package org.helpdesktriage.store;

import org.helpdesktriage.core.io.AtomicOutput;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;

/**
 * Replaces a data directory with the contents of a backup archive, all or nothing.
 *
 * <p>The archive is extracted into a staging directory next to the data directory
 * ({@code <root>.restore-staging-<time>}, so the final renames stay on one file system) and
 * verified there: every file's checksum, every listed file present, every ticket parses, the
 * ticket count matches the manifest, and the format version is one this program understands.
 * A corrupt or truncated archive is refused and the staging directory removed: the data
 * directory is not touched. Only then is the current directory renamed aside to
 * {@code <root>.pre-restore-<time>} and the staging directory renamed into its place.
 *
 * <p>The caller must hold the data directory lock ({@link DataDirectoryLock}). The lock file
 * moves aside with the old directory, so the caller should release the lock as soon as this
 * returns; the restored directory appears whole in one rename, so a writer that locks it next
 * sees complete data.
 */
public final class Restore {

    private Restore() {
    }

    /**
     * What a restore did.
     *
     * @param tickets how many tickets the restored directory holds
     * @param previous where the replaced data directory was moved, if there was one
     */
    public record Result(int tickets, Optional<Path> previous) {
    }

    /**
     * Restores {@code archive} into {@code root}.
     *
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} saying what is wrong when the
     *     archive is refused (the data directory is then unchanged), or when a rename fails
     */
    public static Result run(Path archive, Path root, Clock clock) {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(clock, "clock");
        Path abs = root.toAbsolutePath().normalize();
        String stamp = Backup.STAMP.format(clock.instant());
        Path staging = unused(abs.resolveSibling(abs.getFileName() + ".restore-staging-" + stamp));
        BackupArchive.Contents contents;
        try {
            Files.createDirectories(staging);
            contents = BackupArchive.verify(archive, staging);
            FormatVersion.read(staging).ifPresent(v -> FormatVersion.checkReadable(archive, v));
        } catch (IOException | IllegalStateException | TriageException e) {
            deleteTree(staging);
            throw new TriageException(ErrorCode.STORE_FAILED, "backup " + archive
                    + " is corrupt or truncated and was not restored (" + e.getMessage()
                    + "); data directory " + root + " is unchanged", e);
        }
        Path previous = null;
        try {
            AtomicOutput.syncDirectory(staging);
            if (Files.exists(abs)) {
                previous = unused(abs.resolveSibling(abs.getFileName() + ".pre-restore-"
                        + stamp));
                AtomicOutput.moveAtomically(abs, previous);
            }
            try {
                AtomicOutput.moveAtomically(staging, abs);
            } catch (IOException e) {
                if (previous != null) {
                    AtomicOutput.moveAtomically(previous, abs);
                }
                throw e;
            }
            AtomicOutput.syncDirectory(abs.getParent());
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED, "cannot put the restored data in "
                    + "place at " + root + ": " + e + (previous == null ? ""
                            : "; the previous data is at " + previous), e);
        }
        return new Result(contents.tickets(), Optional.ofNullable(previous));
    }

    /** Returns {@code p}, or {@code p-1}, {@code p-2}... whichever does not exist yet. */
    private static Path unused(Path p) {
        Path candidate = p;
        for (int i = 1; Files.exists(candidate); i++) {
            candidate = p.resolveSibling(p.getFileName() + "-" + i);
        }
        return candidate;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                        throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc)
                        throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // left for the operator; the message of the caller's failure matters more
        }
    }
}
