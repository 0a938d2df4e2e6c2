package org.helpdesktriage.store.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.io.AtomicOutput;

/**
 * What an interrupted run leaves in and beside a data directory, as opposed to damage: temporary
 * files ({@code .tmp-*}) in any of its directories, an audit line cut short, restore staging
 * directories ({@code <root>.restore-staging-*}), and the {@code manifest.json} and
 * {@code checksums.sha256} that restores of older versions left at the top.
 *
 * <p>None of them is data: readers skip them, {@link StoreHealth} reports them as warnings, and
 * the next writer removes them under the lock ({@link #remove}), so a run killed with
 * {@code kill -9} never needs a person to delete something by hand. A writer holding the lock
 * is the only one that can have left them, which is why removing them needs the lock.
 *
 * <pre>{@code
 * try (DataDirectoryLock lock = DataDirectoryLock.acquire(root, "run", wait, clock)) {
 *     Leftovers.remove(root).forEach(l -> err.println("removed " + l));
 * }
 * }</pre>
 */
public final class Leftovers {

    /** What the name of a restore's staging directory adds to the data directory's name. */
    public static final String STAGING = ".restore-staging-";

    /** The kind of a restore staging directory. */
    public static final String STAGING_KIND = "restore staging directory";

    /** How deep temporary files can lie: {@code archive/tickets/.tmp-*} is three levels down. */
    private static final int DEPTH = 3;

    /**
     * One leftover.
     *
     * @param path the file or directory
     * @param kind what it is ("temporary file", "unfinished audit line")
     * @param bytes its size, or for an unfinished audit line the bytes after the last newline
     */
    public record Leftover(Path path, String kind, long bytes) {

        /** Checks the arguments. */
        public Leftover {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(kind, "kind");
        }

        /** Says what removing it did, for the notices of the writer that removed it. */
        public String removed() {
            return (kind.startsWith("unfinished") ? "cut the " : "removed the ") + this
                    + ", left by an interrupted run or copy";
        }

        /** Describes it: "temporary file /data/tickets/.tmp-3f2a (812 bytes)". */
        @Override
        public String toString() {
            return kind + " " + path + " (" + bytes + " bytes)";
        }
    }

    private Leftovers() {
    }

    /** Returns the leftovers of the data directory {@code root}, changing nothing. */
    public static List<Leftover> find(Path root) {
        Objects.requireNonNull(root, "root");
        List<Leftover> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try {
            temporaryFiles(root, out);
            for (String name : new String[] {DataFiles.MANIFEST, DataFiles.CHECKSUMS}) {
                Path p = root.resolve(name);
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(new Leftover(p, "file left by an older restore", Files.size(p)));
                }
            }
            stagingDirectories(root, out);
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "cannot look for leftovers in " + root + ": " + e, e);
        }
        return out;
    }

    /** Returns the audit files of {@code root} whose last line is unfinished. */
    public static List<Leftover> unfinishedAuditLines(Path root) {
        List<Leftover> out = new ArrayList<>();
        for (Map.Entry<Path, Long> e : new FileAuditLog(root, java.time.Clock.systemUTC())
                .unfinishedLastLines().entrySet()) {
            out.add(new Leftover(e.getKey(), "unfinished audit line in", e.getValue()));
        }
        return out;
    }

    /**
     * Removes every leftover of {@code root} and cuts unfinished audit lines; returns what it
     * removed. The caller must hold the data directory lock: another writer's temporary file is
     * not a leftover.
     *
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} when one cannot be removed
     */
    public static List<Leftover> remove(Path root) {
        List<Leftover> removed = new ArrayList<>();
        for (Leftover l : find(root)) {
            try {
                if (Files.isDirectory(l.path(), LinkOption.NOFOLLOW_LINKS)) {
                    deleteTree(l.path());
                } else {
                    Files.deleteIfExists(l.path());
                }
            } catch (IOException e) {
                throw new TriageException(ErrorCode.STORE_FAILED,
                        "cannot remove the " + l + ": " + e, e);
            }
            removed.add(l);
        }
        for (Leftover l : unfinishedAuditLines(root)) {
            try {
                FileAuditLog.cutUnfinishedLine(l.path());
            } catch (IOException e) {
                throw new TriageException(ErrorCode.STORE_FAILED,
                        "cannot cut the " + l + ": " + e, e);
            }
            removed.add(l);
        }
        return removed;
    }

    private static void temporaryFiles(Path root, List<Leftover> out) throws IOException {
        try (Stream<Path> all = Files.walk(root, DEPTH)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (AtomicOutput.isTemporary(p)
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(new Leftover(p, "temporary file", sizeOf(p)));
                }
            }
        } catch (java.io.UncheckedIOException e) {
            if (!(e.getCause() instanceof java.nio.file.NoSuchFileException)) {
                throw e.getCause();
            }
            // a file renamed or removed while walking: a writer at work, nothing left over
        }
        out.sort(Comparator.comparing(Leftover::path));
    }

    /** Restore staging directories sit beside the data directory, named after it. */
    private static void stagingDirectories(Path root, List<Leftover> out) throws IOException {
        Path real = root.toRealPath();
        Path parent = real.getParent();
        if (parent == null) {
            return;
        }
        String prefix = real.getFileName() + STAGING;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent,
                p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path p : ds) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(new Leftover(p, STAGING_KIND, treeSize(p)));
                }
            }
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static long treeSize(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .mapToLong(Leftovers::sizeOf).sum();
        }
    }

    /** Deletes a directory tree as far as it can; what cannot be deleted stays for the operator. */
    public static void deleteTree(Path dir) {
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
