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
 * Replaces a data directory with the contents of an archive, all or nothing: a backup written by
 * {@link Backup}, or a plain tar of a data directory ({@code tar czf nightly.tar.gz data}, best
 * taken under the lock with {@code helpdesk-triage with-lock}).
 *
 * <p>The archive is read twice ({@link BackupArchive}): first every entry's name, type and
 * declared size is checked against the {@link ArchiveLimits} and the free space, writing
 * nothing; then it is extracted into a staging directory next to the data directory
 * ({@code <root>.restore-staging-<time>}, so the final renames stay on one file system) and
 * checked there: a backup by its checksums and manifest, a plain tar by parsing every file in
 * it; in both, the format version must be one this program understands. A refused archive
 * leaves the data directory untouched and the staging directory removed. Only then is the
 * current directory renamed aside to {@code <root>.pre-restore-<time>} and the staging directory
 * renamed into its place. Neither {@code manifest.json}, {@code checksums.sha256}, the lock file
 * nor temporary files are restored. When {@code root} is a symbolic link, the link stays and the
 * directory it points to is replaced.
 *
 * <p>The caller must hold the data directory lock ({@link DataDirectoryLock}). The lock file
 * moves aside with the old directory, so the caller should release the lock as soon as this
 * returns; the restored directory appears whole in one rename, so a writer that locks it next
 * sees complete data (a writer that was waiting on the old lock file notices the swap and locks
 * the new one).
 */
public final class Restore {

    /** What the name of a staging directory adds to the data directory's name. */
    static final String STAGING = ".restore-staging-";

    private Restore() {
    }

    /**
     * What a restore did.
     *
     * @param tickets how many tickets the restored directory holds
     * @param previous where the replaced data directory was moved, if there was one
     * @param backup whether the archive was a backup (checked by its checksums) rather than a
     *     plain tar (checked by parsing every file)
     * @param notes what was left out or repaired on the way (the lock file, temporary files, an
     *     unfinished audit line)
     */
    public record Result(int tickets, Optional<Path> previous, boolean backup,
            java.util.List<String> notes) {

        /** Checks the arguments and copies the notes. */
        public Result {
            Objects.requireNonNull(previous, "previous");
            notes = java.util.List.copyOf(notes);
        }
    }

    /**
     * Restores {@code archive} into {@code root} within the default {@link ArchiveLimits}.
     *
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} saying what is wrong when the
     *     archive is refused (the data directory is then unchanged), or when a rename fails
     */
    public static Result run(Path archive, Path root, Clock clock) {
        return run(archive, root, clock, ArchiveLimits.defaults());
    }

    /**
     * Restores {@code archive} into {@code root} within {@code limits}.
     *
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} saying what is wrong when the
     *     archive is refused (the data directory is then unchanged), or when a rename fails
     */
    public static Result run(Path archive, Path root, Clock clock, ArchiveLimits limits) {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(limits, "limits");
        Path abs = directoryOf(root);
        String stamp = Backup.STAMP.format(clock.instant());
        removeStaleStaging(root);
        Path staging = unused(abs.resolveSibling(abs.getFileName() + STAGING + stamp));
        BackupArchive.Contents contents;
        try {
            Files.createDirectories(staging);
            contents = BackupArchive.verify(archive, staging, limits);
            FormatVersion.read(staging).ifPresent(v -> FormatVersion.checkReadable(archive, v));
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            String what = e instanceof IllegalStateException || e instanceof TriageException
                    ? e.getMessage() : e.toString();
            throw new TriageException(ErrorCode.STORE_FAILED, "archive " + archive
                    + " was refused and nothing was restored (" + what + "); data directory "
                    + root + " is unchanged", e);
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
        return new Result(contents.tickets(), Optional.ofNullable(previous), contents.backup(),
                contents.notes());
    }

    /** Returns the directory to replace: the target of a symbolic link, kept as a link. */
    private static Path directoryOf(Path root) {
        try {
            if (Files.exists(root)) {
                return root.toRealPath();
            }
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "cannot resolve data directory " + root + ": " + e, e);
        }
        if (Files.isSymbolicLink(root)) {
            throw new TriageException(ErrorCode.STORE_FAILED, "data directory " + root
                    + " is a symbolic link to a directory that does not exist; nothing was "
                    + "restored");
        }
        return root.toAbsolutePath().normalize();
    }

    // a restore killed halfway leaves its staging directory; the lock says none is running now
    private static void removeStaleStaging(Path root) {
        if (Files.isDirectory(root)) {
            Leftovers.find(root).stream()
                    .filter(l -> l.kind().equals(Leftovers.STAGING_KIND))
                    .forEach(l -> deleteTree(l.path()));
        }
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
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
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
