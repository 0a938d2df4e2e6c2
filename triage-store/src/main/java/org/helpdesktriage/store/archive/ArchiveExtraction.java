package org.helpdesktriage.store.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.helpdesktriage.store.file.DataFiles;
import org.helpdesktriage.store.file.FileStore;

/**
 * The second pass over an archive: reads exactly the entries {@link ArchiveSurvey} accepted, in
 * the same order and with the same sizes (an archive that changed between the passes is
 * refused), checks each one, and writes the data files into a staging directory.
 *
 * <p>A backup's files are checked against {@code checksums.sha256}, its tickets parsed; a plain
 * tar's files are all parsed (tickets, run records, dead letters, every audit line, the format
 * version), since nothing else vouches for them. {@code manifest.json}, {@code checksums.sha256},
 * the lock file and temporary files are never written: they are not data. An audit file whose
 * last line is unfinished (a tar taken mid-append) is restored without that line.
 */
final class ArchiveExtraction {

    private final ArchiveSurvey survey;
    private final ArchiveLimits limits;
    private final Path into;
    private final List<String> notes = new ArrayList<>();
    private final java.util.Map<String, String> digests;
    private int tickets;
    private int written;

    private ArchiveExtraction(ArchiveSurvey survey, ArchiveLimits limits, Path into,
            java.util.Map<String, String> digests) {
        this.survey = survey;
        this.limits = limits;
        this.into = into;
        this.digests = digests;
    }

    /**
     * Checks every entry of {@code archive} as planned by {@code survey}, writing the data files
     * into {@code into} (an empty directory) unless it is {@code null}.
     *
     * @throws IllegalStateException saying why the archive is refused
     */
    static BackupArchive.Contents run(Path archive, ArchiveSurvey survey, ArchiveLimits limits,
            Path into) throws IOException {
        return run(archive, survey, limits, into, null);
    }

    /**
     * Checks every entry as {@link #run(Path, ArchiveSurvey, ArchiveLimits, Path)} does and
     * puts the SHA-256 of each data file that a restore would write into {@code digests}, by
     * its path in the data directory, unless that is {@code null}.
     */
    static BackupArchive.Contents run(Path archive, ArchiveSurvey survey, ArchiveLimits limits,
            Path into, java.util.Map<String, String> digests) throws IOException {
        ArchiveExtraction x = new ArchiveExtraction(survey, limits, into, digests);
        int next = 0;
        try (TarArchiveInputStream tar = ArchiveSurvey.open(archive)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                ArchiveEntryName.canonical(e.getName());
                if (!ArchiveEntryName.isFile(e)) {
                    continue;
                }
                ArchiveSurvey.Entry planned = next < survey.files.size()
                        ? survey.files.get(next) : null;
                if (planned == null || !planned.raw().equals(e.getName())
                        || planned.size() != e.getSize()) {
                    throw new IllegalStateException("it changed while it was being read");
                }
                next++;
                x.entry(tar, planned);
            }
        }
        if (next != survey.files.size()) {
            throw new IllegalStateException("it changed while it was being read");
        }
        if (survey.backup) {
            int expected = survey.manifest.path("tickets").asInt(-1);
            if (expected != x.tickets) {
                throw new IllegalStateException("it holds " + x.tickets + " ticket(s), but "
                        + BackupArchive.MANIFEST + " says " + expected);
            }
        }
        return new BackupArchive.Contents(x.tickets, x.written, survey.manifest, survey.backup,
                x.notes);
    }

    private void entry(TarArchiveInputStream tar, ArchiveSurvey.Entry f) throws IOException {
        String relative = survey.backup ? f.name() : survey.relative(f);
        DataFiles.Kind kind = DataFiles.kindOf(relative);
        boolean ticket = kind == DataFiles.Kind.TICKET;
        // a backup's checksums vouch for its files; only its tickets and version are parsed,
        // as they always were, so that no older backup becomes unrestorable
        boolean parse = survey.backup
                ? (ticket && relative.startsWith(FileStore.TICKETS + "/"))
                        || kind == DataFiles.Kind.FORMAT_VERSION
                : kind != DataFiles.Kind.LOCK && kind != DataFiles.Kind.LEFTOVER;
        boolean whole = parse && kind != DataFiles.Kind.AUDIT;
        if (whole && f.size() > limits.maxRecordBytes()) {
            throw ArchiveEntryName.refused(f.raw(), "declares " + f.size() + " bytes, over the "
                    + "limit of " + limits.maxRecordBytes() + " for one record");
        }
        MessageDigest md = survey.backup && !f.name().equals(BackupArchive.CHECKSUMS)
                ? BackupArchive.sha256() : null;
        ByteArrayOutputStream buf = whole ? new ByteArrayOutputStream((int) f.size()) : null;
        AuditLines lines = parse && kind == DataFiles.Kind.AUDIT
                ? new AuditLines(relative, limits.maxRecordBytes()) : null;
        Path target = into != null && kind.restored() ? target(relative) : null;
        MessageDigest content = digests != null && kind.restored() ? BackupArchive.sha256()
                : null;
        long copied = 0;
        try (FileChannel ch = target == null ? null : FileChannel.open(target,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream sink = ch == null ? OutputStream.nullOutputStream()
                    : Channels.newOutputStream(ch);
            byte[] chunk = new byte[8192];
            int n;
            while ((n = tar.read(chunk)) > 0) {
                copied += n;
                sink.write(chunk, 0, n);
                if (md != null) {
                    md.update(chunk, 0, n);
                }
                if (content != null) {
                    content.update(chunk, 0, n);
                }
                if (buf != null) {
                    buf.write(chunk, 0, n);
                }
                if (lines != null) {
                    lines.write(chunk, 0, n);
                }
            }
            if (copied != f.size()) {
                throw new IllegalStateException(f.name() + " is truncated: " + copied + " of "
                        + f.size() + " bytes");
            }
            if (lines != null && lines.unfinished() > 0 && ch != null) {
                ch.truncate(copied - lines.unfinished());
                notes.add("left out the unfinished last line of " + relative + " ("
                        + lines.unfinished() + " bytes)");
            }
            if (ch != null) {
                ch.force(true);
                written++;
            }
        }
        if (content != null) {
            digests.put(relative, HexFormat.of().formatHex(content.digest()));
        }
        if (md != null) {
            String sum = HexFormat.of().formatHex(md.digest());
            String listed = survey.checksums.get(f.name());
            if (!sum.equals(listed)) {
                throw new IllegalStateException(f.name() + " has SHA-256 " + sum + ", but "
                        + BackupArchive.CHECKSUMS + " says " + listed);
            }
        }
        if (buf != null) {
            DataFiles.check(kind, relative, buf.toByteArray());
        }
        if (ticket && relative.startsWith(FileStore.TICKETS + "/")) {
            tickets++;
        }
        if (!kind.restored() && !survey.backup) {
            notes.add("left out " + relative + " (not data)");
        }
    }

    private Path target(String relative) throws IOException {
        Path base = into.toAbsolutePath().normalize();
        Path target = base.resolve(relative).normalize();
        if (!target.startsWith(base) || target.equals(base)) {
            throw new IllegalStateException("entry '" + relative + "' would be written outside "
                    + "the data directory");
        }
        Files.createDirectories(target.getParent());
        return target;
    }

    /** Checks an audit file line by line as it streams past, holding one line at most. */
    private static final class AuditLines {
        private final String relative;
        private final long maxLine;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private long lineNo;

        AuditLines(String relative, long maxLine) {
            this.relative = relative;
            this.maxLine = maxLine;
        }

        void write(byte[] b, int off, int len) {
            int start = off;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    append(b, start, i - start);
                    lineNo++;
                    DataFiles.checkAuditLine(relative, lineNo, strictUtf8());
                    line.reset();
                    start = i + 1;
                }
            }
            append(b, start, off + len - start);
        }

        private void append(byte[] b, int off, int len) {
            if (line.size() + (long) len > maxLine) {
                throw new IllegalStateException(relative + " line " + (lineNo + 1)
                        + " is longer than " + maxLine + " bytes");
            }
            line.write(b, off, len);
        }

        // the audit log's reader refuses invalid UTF-8, so restore must not accept it
        private String strictUtf8() {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(line.toByteArray())).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new IllegalStateException(relative + " line " + lineNo
                        + " is not valid UTF-8");
            }
        }

        long unfinished() {
            return line.size();
        }
    }
}
