package org.helpdesktriage.store.archive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.io.AtomicOutput;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.store.file.DataDirectoryLock;
import org.helpdesktriage.store.file.DataFiles;
import org.helpdesktriage.store.file.DataLinks;
import org.helpdesktriage.store.file.FileAuditLog;
import org.helpdesktriage.store.file.FileStore;
import org.helpdesktriage.store.file.FormatVersion;
import org.helpdesktriage.store.internal.StoreJson;

/**
 * Writes a verified backup archive of a data directory.
 *
 * <p>The archive {@code helpdesk-triage-backup-<yyyyMMdd'T'HHmmss'Z'>.tar.gz} holds every regular
 * file of the data directory (the lock file and temporary files aside; symbolic links are never
 * followed) under its relative path, plus {@code manifest.json} (ticket count, audit file count,
 * file and byte counts, format version, program version, time)
 * and {@code checksums.sha256} (one {@code sha256sum} line per file, so
 * {@code sha256sum -c checksums.sha256} works on the extracted archive). Before writing, every
 * stored ticket must parse; the archive is written to a temporary file, read back and verified
 * whole, and only then renamed to its final name, so a file with that name is always a verified
 * archive. The temporary file's name says which data directory it backs up, so that
 * {@link #removeLeftovers} can remove what a backup killed halfway left.
 *
 * <p>The caller must hold the data directory lock ({@link DataDirectoryLock}) for the whole call,
 * so that no run writes while the archive is taken and the archive is consistent.
 */
public final class Backup {

    /** The time format in archive names. */
    static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Backup() {
    }

    /**
     * Writes and verifies a backup of the data directory {@code root} into {@code outDir}.
     *
     * @return the archive written
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} naming the files when a stored
     *     ticket is corrupt (nothing is written), or when writing or verifying fails
     */
    public static Path create(Path root, Path outDir, Clock clock) {
        return create(root, outDir, clock, notice -> { });
    }

    /**
     * Writes and verifies a backup of the data directory {@code root} into {@code outDir},
     * telling {@code notices} what it left out (symbolic links, which it never follows).
     *
     * @return the archive written
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} naming the files when a stored
     *     ticket is corrupt (nothing is written), or when writing or verifying fails
     */
    public static Path create(Path root, Path outDir, Clock clock, Consumer<String> notices) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(notices, "notices");
        if (!Files.isDirectory(root)) {
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "data directory " + root + " does not exist; there is nothing to back up");
        }
        DataLinks.refuse(root);
        StoreScan scan = new FileStore(root).scan();
        if (!scan.isComplete()) {
            throw new TriageException(ErrorCode.STORE_FAILED, "no backup written: "
                    + scan.corrupt().size() + " stored ticket file(s) cannot be read: "
                    + scan.corrupt());
        }
        Path archive = outDir.resolve("helpdesk-triage-backup-" + STAMP.format(clock.instant())
                + ".tar.gz");
        Path tmp = null;
        try {
            Files.createDirectories(outDir);
            if (Files.exists(archive)) {
                throw new TriageException(ErrorCode.STORE_FAILED, "backup " + archive
                        + " already exists; not overwriting it");
            }
            List<String> files = filesOf(root, notices);
            int auditFiles = (int) files.stream()
                    .filter(f -> f.startsWith(FileAuditLog.AUDIT + "/")).count();
            long bytes = 0;
            for (String f : files) {
                bytes += Files.size(root.resolve(f));
            }
            ObjectNode manifest = StoreJson.MAPPER.createObjectNode();
            manifest.put("tickets", scan.count());
            manifest.put("audit_files", auditFiles);
            manifest.put("files", files.size());
            manifest.put("bytes", bytes);
            manifest.put("format_version", FormatVersion.read(root).orElse(0));
            manifest.put("program_version", programVersion());
            manifest.put("created_at", clock.instant().toString());
            byte[] manifestBytes = (StoreJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(manifest) + "\n").getBytes(StandardCharsets.UTF_8);

            tmp = outDir.resolve(temporaryPrefix(root) + HexFormat.of().formatHex(
                    BackupArchive.sha256().digest(archive.toString().getBytes(
                            StandardCharsets.UTF_8)), 0, 4) + "-" + System.nanoTime());
            write(root, files, manifestBytes, tmp, clock);
            BackupArchive.Contents c = BackupArchive.verify(tmp, null, ArchiveLimits.unbounded());
            if (c.tickets() != scan.count()) {
                throw new IllegalStateException("it holds " + c.tickets() + " tickets, not "
                        + scan.count());
            }
            AtomicOutput.moveAtomically(tmp, archive);
            AtomicOutput.syncDirectory(outDir);
            return archive;
        } catch (IOException | IllegalStateException e) {
            throw new TriageException(ErrorCode.STORE_FAILED, "cannot write backup " + archive
                    + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // left for removeLeftovers, which the next cleanup runs
                }
            }
        }
    }

    /**
     * Removes the temporary archives that backups of {@code root} killed halfway left in
     * {@code backupDir}, and returns them. The caller must hold the data directory lock of
     * {@code root}: only a backup of {@code root} holding it writes such files, and their names
     * say which data directory they belong to, so a backup of another data directory into the
     * same folder is never disturbed.
     *
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} when one cannot be removed
     */
    public static List<Path> removeLeftovers(Path root, Path backupDir) {
        List<Path> removed = new ArrayList<>();
        try {
            for (Path p : leftovers(root, backupDir)) {
                Files.deleteIfExists(p);
                removed.add(p);
            }
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED, "cannot remove temporary "
                    + "archives from " + backupDir + ": " + e, e);
        }
        return removed;
    }

    /**
     * Returns the temporary archives that backups of {@code root} killed halfway left in
     * {@code backupDir}, sorted, removing nothing ({@link #removeLeftovers} removes them).
     */
    public static List<Path> leftovers(Path root, Path backupDir) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(backupDir, "backupDir");
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(backupDir)) {
            return found;
        }
        String prefix = temporaryPrefix(root);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(backupDir,
                p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path p : ds) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    found.add(p);
                }
            }
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED, "cannot list temporary "
                    + "archives in " + backupDir + ": " + e, e);
        }
        found.sort(null);
        return found;
    }

    /** Returns the prefix of the temporary archives of backups of {@code root}. */
    static String temporaryPrefix(Path root) {
        Path key;
        try {
            key = root.toRealPath();
        } catch (IOException e) {
            key = root.toAbsolutePath().normalize();
        }
        return AtomicOutput.TEMP_PREFIX + "helpdesk-triage-backup-" + HexFormat.of().formatHex(
                BackupArchive.sha256().digest(key.toString().getBytes(StandardCharsets.UTF_8)),
                0, 6) + "-";
    }

    private static void write(Path root, List<String> files, byte[] manifest, Path tmp,
            Clock clock) throws IOException {
        StringBuilder sums = new StringBuilder();
        sums.append(hex(manifest)).append("  ").append(BackupArchive.MANIFEST).append('\n');
        try (OutputStream fos = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(
                        new GzipCompressorOutputStream(new BufferedOutputStream(fos)))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            putBytes(tar, BackupArchive.MANIFEST, manifest, clock);
            for (String name : files) {
                Path file = root.resolve(name);
                TarArchiveEntry e = new TarArchiveEntry(name);
                e.setSize(Files.size(file));
                e.setModTime(Files.getLastModifiedTime(file));
                tar.putArchiveEntry(e);
                MessageDigest md = BackupArchive.sha256();
                try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
                    long copied = in.transferTo(tar);
                    if (copied != e.getSize()) {
                        throw new IOException(file + " changed size while being archived; "
                                + "is the data directory lock held?");
                    }
                }
                tar.closeArchiveEntry();
                sums.append(HexFormat.of().formatHex(md.digest())).append("  ").append(name)
                        .append('\n');
            }
            putBytes(tar, BackupArchive.CHECKSUMS, sums.toString()
                    .getBytes(StandardCharsets.UTF_8), clock);
            tar.finish();
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void putBytes(TarArchiveOutputStream tar, String name, byte[] bytes,
            Clock clock) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(bytes.length);
        e.setModTime(clock.millis());
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    /**
     * Returns the data files of {@code root}, relative with '/', in name order: regular files
     * only, never following a symbolic link (each one is told to {@code notices}), without the
     * lock, temporary files, or the manifest and checksums an older restore left at the top.
     */
    static List<String> filesOf(Path root, Consumer<String> notices) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p)) {
                    notices.accept("left out " + p + ": a symbolic link (backup does not follow "
                            + "links, which could lead out of the data directory)");
                    continue;
                }
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        || DataFiles.kindOf(rel) == DataFiles.Kind.LEFTOVER
                        || rel.equals(DataDirectoryLock.FILE)) {
                    continue;
                }
                out.add(rel);
            }
        }
        out.sort(null);
        return out;
    }

    /** Returns the data files of {@code root}, as {@link #filesOf(Path, Consumer)} does. */
    static List<String> filesOf(Path root) throws IOException {
        return filesOf(root, notice -> { });
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(BackupArchive.sha256().digest(bytes));
    }

    static String programVersion() {
        String v = Backup.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
