package org.helpdesktriage.store.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.io.AtomicOutput;
import org.helpdesktriage.store.RestorePlan;
import org.helpdesktriage.store.RestoreResult;
import org.helpdesktriage.store.file.DataDirectoryLock;
import org.helpdesktriage.store.file.DataFiles;
import org.helpdesktriage.store.file.FormatVersion;
import org.helpdesktriage.store.file.Leftovers;

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

    private Restore() {
    }

    /**
     * Checks {@code archive} whole, as {@link #run} does before it writes anything, and compares
     * what it holds with {@code root} file by file: changes nothing on disk and needs no lock.
     *
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} saying what is wrong when the
     *     archive would be refused
     */
    public static RestorePlan plan(Path archive, Path root, ArchiveLimits limits) {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(limits, "limits");
        java.util.Map<String, String> incoming = new java.util.TreeMap<>();
        BackupArchive.Contents contents;
        try {
            contents = BackupArchive.survey(archive, limits, incoming);
        } catch (IOException | RuntimeException e) {
            String what = reason(e);
            throw new TriageException(ErrorCode.STORE_FAILED, "archive " + archive
                    + " would be refused (" + what + "); nothing was changed", e);
        }
        java.util.Map<String, Long> changes = new java.util.LinkedHashMap<>();
        for (String kind : new String[] {"tickets", "runs", "dead_letters", "audit", "other"}) {
            for (String what : new String[] {"added", "changed", "removed", "unchanged"}) {
                changes.put(kind + "_" + what, 0L);
            }
        }
        java.util.Map<String, String> current = currentFiles(root);
        incoming.forEach((file, sum) -> {
            String now = current.get(file);
            changes.merge(kindName(file) + (now == null ? "_added"
                    : now.equals(sum) ? "_unchanged" : "_changed"), 1L, Long::sum);
        });
        current.keySet().stream().filter(f -> !incoming.containsKey(f))
                .forEach(f -> changes.merge(kindName(f) + "_removed", 1L, Long::sum));
        return new RestorePlan(contents.tickets(), contents.backup(), contents.notes(), changes);
    }

    private static String kindName(String relative) {
        return switch (DataFiles.kindOf(relative)) {
            case TICKET -> "tickets";
            case RUN -> "runs";
            case DEAD_LETTER -> "dead_letters";
            case AUDIT -> "audit";
            default -> "other";
        };
    }

    // the data files of the directory now, by path, with the SHA-256 of each
    private static java.util.Map<String, String> currentFiles(Path root) {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String relative = root.relativize(p).toString().replace('\\', '/');
                if (DataFiles.kindOf(relative).restored()) {
                    java.security.MessageDigest md = BackupArchive.sha256();
                    try (java.io.InputStream in = Files.newInputStream(p)) {
                        byte[] buf = new byte[8192];
                        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                            md.update(buf, 0, n);
                        }
                    }
                    files.put(relative, java.util.HexFormat.of().formatHex(md.digest()));
                }
            }
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED, "cannot read data directory "
                    + root + " to compare it with the archive: " + reason(e), e);
        }
        return files;
    }

    /**
     * Restores {@code archive} into {@code root} within the default {@link ArchiveLimits}.
     *
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} saying what is wrong when the
     *     archive is refused (the data directory is then unchanged), or when a rename fails
     */
    public static RestoreResult run(Path archive, Path root, Clock clock) {
        return run(archive, root, clock, ArchiveLimits.defaults());
    }

    /**
     * Restores {@code archive} into {@code root} within {@code limits}.
     *
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} saying what is wrong when the
     *     archive is refused (the data directory is then unchanged), or when a rename fails
     */
    public static RestoreResult run(Path archive, Path root, Clock clock, ArchiveLimits limits) {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(limits, "limits");
        Path abs = directoryOf(root);
        String stamp = Backup.STAMP.format(clock.instant());
        removeStaleStaging(root);
        Path staging = unused(abs.resolveSibling(abs.getFileName() + Leftovers.STAGING + stamp));
        BackupArchive.Contents contents;
        try {
            Files.createDirectories(staging);
            contents = BackupArchive.verify(archive, staging, limits);
            FormatVersion.read(staging).ifPresent(v -> FormatVersion.checkReadable(archive, v));
        } catch (IOException | RuntimeException e) {
            Leftovers.deleteTree(staging);
            String what = reason(e);
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
        return new RestoreResult(contents.tickets(), Optional.ofNullable(previous),
                contents.backup(), contents.notes());
    }

    /** Returns the directory to replace: the target of a symbolic link, kept as a link. */
    private static Path directoryOf(Path root) {
        try {
            if (Files.exists(root)) {
                return root.toRealPath();
            }
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "cannot resolve data directory " + root + ": " + reason(e), e);
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
                    .forEach(l -> Leftovers.deleteTree(l.path()));
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


    /**
     * Says why an archive or directory could not be used, in words: never a Java exception's
     * class name, which a user cannot act on.
     */
    static String reason(Throwable e) {
        if (e instanceof IllegalStateException || e instanceof TriageException) {
            return e.getMessage();
        }
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return n.getFile() + " does not exist";
        }
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied on " + a.getFile();
        }
        if (e instanceof java.io.EOFException) {
            return "it ends early: the archive is cut short";
        }
        if (e instanceof java.util.zip.ZipException || e instanceof java.io.IOException
                && String.valueOf(e.getMessage()).contains("GZIP")) {
            return "it is not a whole gzip-compressed file";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "it cannot be read" : m;
    }
}
