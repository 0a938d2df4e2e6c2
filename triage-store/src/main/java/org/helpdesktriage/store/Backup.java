package org.helpdesktriage.store;

import org.helpdesktriage.core.io.AtomicOutput;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.store.StoreScan;

/**
 * Writes a verified backup archive of a data directory.
 *
 * <p>The archive {@code helpdesk-triage-backup-<yyyyMMdd'T'HHmmss'Z'>.tar.gz} holds every file of
 * the data directory (the lock file and temporary files aside) under its relative path, plus
 * {@code manifest.json} (ticket count, audit file count, format version, program version, time)
 * and {@code checksums.sha256} (one {@code sha256sum} line per file, so
 * {@code sha256sum -c checksums.sha256} works on the extracted archive). Before writing, every
 * stored ticket must parse; the archive is written to a temporary file, read back and verified
 * whole, and only then renamed to its final name, so a file with that name is always a verified
 * archive.
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
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(clock, "clock");
        if (!Files.isDirectory(root)) {
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "data directory " + root + " does not exist; there is nothing to back up");
        }
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
            List<String> files = filesOf(root);
            int auditFiles = (int) files.stream()
                    .filter(f -> f.startsWith(FileAuditLog.AUDIT + "/")).count();
            ObjectNode manifest = StoreJson.MAPPER.createObjectNode();
            manifest.put("tickets", scan.count());
            manifest.put("audit_files", auditFiles);
            manifest.put("format_version", FormatVersion.read(root).orElse(0));
            manifest.put("program_version", programVersion());
            manifest.put("created_at", clock.instant().toString());
            byte[] manifestBytes = (StoreJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(manifest) + "\n").getBytes(StandardCharsets.UTF_8);

            tmp = AtomicOutput.temporaryIn(outDir);
            write(root, files, manifestBytes, tmp, clock);
            BackupArchive.Contents c = BackupArchive.verify(tmp, null);
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
                    // a stray temporary file; health reports none here, but it is harmless
                }
            }
        }
    }

    private static void write(Path root, List<String> files, byte[] manifest, Path tmp,
            Clock clock) throws IOException {
        StringBuilder sums = new StringBuilder();
        sums.append(hex(manifest)).append("  ").append(BackupArchive.MANIFEST).append('\n');
        try (OutputStream fos = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW);
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

    /** Returns the data files of {@code root}, relative with '/', in name order. */
    static List<String> filesOf(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (!Files.isRegularFile(p) || AtomicOutput.isTemporary(p)) {
                    continue;
                }
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (!rel.equals(DataDirectoryLock.FILE)) {
                    out.add(rel);
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(BackupArchive.sha256().digest(bytes));
    }

    static String programVersion() {
        String v = Backup.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
