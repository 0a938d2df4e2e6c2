package org.helpdesktriage.store.archive;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.helpdesktriage.store.RecordedConfig;
import org.helpdesktriage.store.file.DataFiles;

/**
 * The first pass over an archive, which writes nothing: every entry's name and type checked
 * ({@link ArchiveEntryName}), every declared size and their total held to the
 * {@link ArchiveLimits}, the manifest and the checksums read with limits of their own, and the
 * plan of what the second pass ({@link ArchiveExtraction}) will write. An archive with
 * {@code manifest.json} and {@code checksums.sha256} at its top is a backup: every file in it
 * must be listed, under exactly the name listed. Any other archive is a plain tar of a data
 * directory, found wherever it lies in the archive ({@code data/}, {@code ./},
 * {@code var/lib/helpdesk/}), and every file in it must be one a data directory holds.
 */
final class ArchiveSurvey {

    /** The largest manifest accepted; backup writes about 300 bytes. */
    static final int MAX_MANIFEST_BYTES = 64 * 1024;

    private static final int MAX_CHECKSUM_LINE = 64 + 2 + ArchiveEntryName.MAX_LENGTH * 4 + 1;

    private static final ObjectMapper MANIFEST_MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8)
                    .maxStringLength(4096).maxNumberLength(32).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    /** A file entry: its name as written, its canonical name and its declared size. */
    record Entry(String raw, String name, long size) {
    }

    final List<Entry> files = new ArrayList<>();
    final Map<String, String> checksums = new HashMap<>();
    JsonNode manifest;
    boolean backup;
    String prefix = "";
    long totalBytes;

    private ArchiveSurvey() {
    }

    /** Opens an archive as a tar stream, gunzipped. */
    static TarArchiveInputStream open(Path archive) throws IOException {
        return new TarArchiveInputStream(new GzipCompressorInputStream(
                new BufferedInputStream(Files.newInputStream(archive))));
    }

    /**
     * Surveys {@code archive}.
     *
     * @throws IllegalStateException saying why the archive is refused
     */
    static ArchiveSurvey of(Path archive, ArchiveLimits limits) throws IOException {
        ArchiveSurvey s = new ArchiveSurvey();
        long allowed = limits.totalFor(Files.size(archive));
        Set<String> seen = new HashSet<>();
        boolean hasChecksums = false;
        long entries = 0;
        try (TarArchiveInputStream tar = open(archive)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (++entries > limits.maxEntries()) {
                    throw new IllegalStateException("it holds more than " + limits.maxEntries()
                            + " entries");
                }
                String name = ArchiveEntryName.canonical(e.getName());
                if (!ArchiveEntryName.isFile(e)) {
                    continue;
                }
                if (name.isEmpty()) {
                    throw ArchiveEntryName.refused(e.getName(), "is a file without a name");
                }
                long size = e.getSize();
                if (size > limits.maxEntryBytes()) {
                    throw ArchiveEntryName.refused(e.getName(), "declares " + size
                            + " bytes, over the limit of " + limits.maxEntryBytes());
                }
                s.totalBytes += size;
                if (s.totalBytes > allowed) {
                    throw new IllegalStateException("it expands to more than " + allowed
                            + " bytes (limit for an archive of " + Files.size(archive)
                            + " bytes); refused before writing anything");
                }
                if (!seen.add(name)) {
                    throw ArchiveEntryName.refused(e.getName(), "occurs twice");
                }
                s.files.add(new Entry(e.getName(), name, size));
                if (name.equals(BackupArchive.MANIFEST)) {
                    s.manifest = manifest(tar, e);
                } else if (name.equals(BackupArchive.CHECKSUMS)) {
                    hasChecksums = true;
                    s.readChecksums(tar, seen);
                }
            }
        }
        s.backup = s.manifest != null && hasChecksums;
        if (s.backup) {
            s.checkBackup();
        } else {
            s.planPlain();
        }
        return s;
    }

    private static JsonNode manifest(TarArchiveInputStream tar, TarArchiveEntry e)
            throws IOException {
        if (e.getSize() > MAX_MANIFEST_BYTES) {
            throw new IllegalStateException(BackupArchive.MANIFEST + " declares " + e.getSize()
                    + " bytes; a manifest is at most " + MAX_MANIFEST_BYTES);
        }
        byte[] bytes = tar.readNBytes((int) e.getSize());
        try {
            JsonNode n = MANIFEST_MAPPER.readTree(bytes);
            if (n == null || !n.isObject()) {
                throw new IllegalStateException(BackupArchive.MANIFEST + " is not a JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JacksonException ex) {
            throw new IllegalStateException(BackupArchive.MANIFEST + " is not valid JSON: "
                    + ex.getOriginalMessage());
        }
    }

    // streamed line by line; every line must name a file already seen, so the map never holds
    // more names than the archive has shown
    private void readChecksums(InputStream in, Set<String> seen) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long lineNo = 0;
        int b;
        InputStream buffered = new BufferedInputStream(in);
        while ((b = buffered.read()) >= 0) {
            if (b != '\n') {
                if (line.size() >= MAX_CHECKSUM_LINE) {
                    throw new IllegalStateException(BackupArchive.CHECKSUMS + " line "
                            + (lineNo + 1) + " is longer than " + MAX_CHECKSUM_LINE + " bytes");
                }
                line.write(b);
                continue;
            }
            lineNo++;
            checksumLine(line.toString(StandardCharsets.UTF_8), lineNo, seen);
            line.reset();
        }
        if (line.size() > 0) {
            checksumLine(line.toString(StandardCharsets.UTF_8), lineNo + 1, seen);
        }
    }

    private void checksumLine(String line, long lineNo, Set<String> seen) {
        if (line.isEmpty()) {
            return;
        }
        if (line.length() < 67 || !line.substring(0, 64).matches("[0-9a-f]{64}")
                || !line.startsWith("  ", 64)) {
            throw new IllegalStateException(BackupArchive.CHECKSUMS + " line " + lineNo
                    + " is not '<sha256>  <path>'");
        }
        String name = line.substring(66);
        if (!seen.contains(name) || name.equals(BackupArchive.CHECKSUMS)) {
            throw new IllegalStateException(BackupArchive.CHECKSUMS + " lists '"
                    + DataFiles.printable(name) + "', which the archive does not hold "
                    + "before it (missing or truncated?)");
        }
        if (checksums.put(name, line.substring(0, 64)) != null) {
            throw new IllegalStateException(BackupArchive.CHECKSUMS + " lists '"
                    + DataFiles.printable(name) + "' twice");
        }
    }

    private void checkBackup() {
        long dataBytes = 0;
        int dataFiles = 0;
        for (Entry f : files) {
            if (!f.raw().equals(f.name())) {
                throw ArchiveEntryName.refused(f.raw(), "is not named exactly as "
                        + BackupArchive.CHECKSUMS + " lists it ('" + f.name() + "')");
            }
            if (f.name().equals(BackupArchive.CHECKSUMS)) {
                continue;
            }
            if (!checksums.containsKey(f.name())) {
                throw new IllegalStateException(DataFiles.printable(f.name())
                        + " is not listed in " + BackupArchive.CHECKSUMS);
            }
            if (!f.name().equals(BackupArchive.MANIFEST)) {
                dataBytes += f.size();
                dataFiles++;
            }
        }
        declared("bytes", dataBytes);
        declared("files", dataFiles);
    }

    // backups written before these fields existed declare neither; the limits still bound them
    private void declared(String field, long actual) {
        JsonNode v = manifest.get(field);
        if (v != null && (!v.canConvertToLong() || v.asLong() != actual)) {
            throw new IllegalStateException("it holds " + actual + " " + field + " of data, but "
                    + BackupArchive.MANIFEST + " declares " + v);
        }
    }

    private void planPlain() {
        prefix = PlainTarLayout.prefixOf(files);
        for (Entry f : files) {
            if (!f.name().startsWith(prefix)) {
                throw ArchiveEntryName.refused(f.raw(), "lies outside the data directory '"
                        + prefix + "' the archive holds");
            }
            String relative = f.name().substring(prefix.length());
            if (DataFiles.kindOf(relative) == DataFiles.Kind.OTHER
                    && !relative.equals(RecordedConfig.FILE)
                    && !relative.equals(DataFiles.AGENT_LEDGER)) {
                throw ArchiveEntryName.refused(f.raw(), "is not a file of a data directory "
                        + "(format-version, configuration.json, tickets/, audit/, runs/, "
                        + "dead-letters/, archive/, " + DataFiles.AGENT_LEDGER + ")");
            }
        }
    }

    /** Returns the name of {@code f} relative to the data directory in the archive. */
    String relative(Entry f) {
        return f.name().substring(prefix.length());
    }
}
