package org.helpdesktriage.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.io.TicketJson;
import org.helpdesktriage.core.model.Ticket;

/**
 * Reads a backup archive and checks it whole: every file's SHA-256 against
 * {@code checksums.sha256}, every listed file present, every ticket file a valid ticket under its
 * own file name, and the ticket count against {@code manifest.json}. Optionally extracts it.
 */
final class BackupArchive {

    static final String CHECKSUMS = "checksums.sha256";
    static final String MANIFEST = "manifest.json";

    /** What a verified archive holds. */
    record Contents(int tickets, int files, JsonNode manifest) {
    }

    private BackupArchive() {
    }

    /**
     * Verifies {@code archive}, extracting it into {@code into} (an empty directory) unless that
     * is {@code null}.
     *
     * @throws IllegalStateException saying what is wrong with the archive
     */
    static Contents verify(Path archive, Path into) throws IOException {
        Map<String, String> actual = new LinkedHashMap<>();
        byte[] checksums = null;
        byte[] manifest = null;
        int tickets = 0;
        try (InputStream in = new TarArchiveInputStream(new GzipCompressorInputStream(
                new BufferedInputStream(Files.newInputStream(archive))))) {
            TarArchiveInputStream tar = (TarArchiveInputStream) in;
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                String name = e.getName();
                if (e.isDirectory()) {
                    continue;
                }
                if (!e.isFile()) {
                    throw new IllegalStateException("entry " + name + " is not a regular file");
                }
                Path target = into == null ? null : safeTarget(into, name);
                boolean keep = name.equals(CHECKSUMS) || name.equals(MANIFEST)
                        || isTicket(name);
                ByteArrayOutputStream buf = keep ? new ByteArrayOutputStream() : null;
                MessageDigest md = sha256();
                OutputStream sink = OutputStream.nullOutputStream();
                if (target != null) {
                    Files.createDirectories(target.getParent());
                    sink = Files.newOutputStream(target);
                }
                try (OutputStream out = new DigestOutputStream(sink, md)) {
                    byte[] chunk = new byte[8192];
                    int n;
                    while ((n = tar.read(chunk)) > 0) {
                        out.write(chunk, 0, n);
                        if (buf != null) {
                            buf.write(chunk, 0, n);
                        }
                    }
                }
                if (actual.put(name, HexFormat.of().formatHex(md.digest())) != null) {
                    throw new IllegalStateException("entry " + name + " occurs twice");
                }
                if (name.equals(CHECKSUMS)) {
                    checksums = buf.toByteArray();
                } else if (name.equals(MANIFEST)) {
                    manifest = buf.toByteArray();
                } else if (buf != null) {
                    checkTicket(name, buf.toByteArray());
                    tickets++;
                }
            }
        }
        if (checksums == null) {
            throw new IllegalStateException("it has no " + CHECKSUMS);
        }
        if (manifest == null) {
            throw new IllegalStateException("it has no " + MANIFEST);
        }
        Map<String, String> listed = parseChecksums(checksums);
        actual.remove(CHECKSUMS);
        for (Map.Entry<String, String> l : listed.entrySet()) {
            String sum = actual.get(l.getKey());
            if (sum == null) {
                throw new IllegalStateException(l.getKey() + " is listed in " + CHECKSUMS
                        + " but missing (truncated archive?)");
            }
            if (!sum.equals(l.getValue())) {
                throw new IllegalStateException(l.getKey() + " has SHA-256 " + sum + ", but "
                        + CHECKSUMS + " says " + l.getValue());
            }
        }
        for (String name : actual.keySet()) {
            if (!listed.containsKey(name)) {
                throw new IllegalStateException(name + " is not listed in " + CHECKSUMS);
            }
        }
        JsonNode m = StoreJson.MAPPER.readTree(manifest);
        int expected = m.path("tickets").asInt(-1);
        if (expected != tickets) {
            throw new IllegalStateException("it holds " + tickets + " ticket(s), but "
                    + MANIFEST + " says " + expected);
        }
        return new Contents(tickets, actual.size(), m);
    }

    static boolean isTicket(String name) {
        return name.startsWith(FileStore.TICKETS + "/") && name.endsWith(FileNames.EXTENSION)
                && name.indexOf('/', FileStore.TICKETS.length() + 1) < 0;
    }

    private static void checkTicket(String name, byte[] bytes) {
        Ticket t;
        try {
            t = TicketJson.fromJson(bytes, name);
        } catch (TriageException e) {
            throw new IllegalStateException(e.getMessage());
        }
        String expected = FileStore.TICKETS + "/" + FileNames.forId(t.ticketId());
        if (!expected.equals(name)) {
            throw new IllegalStateException(name + " holds ticket '" + t.ticketId() + "'");
        }
    }

    /** Resolves an entry name in {@code into}, refusing names that would land outside it. */
    private static Path safeTarget(Path into, String name) {
        Path base = into.toAbsolutePath().normalize();
        Path target = base.resolve(name).normalize();
        if (name.startsWith("/") || name.contains("\\") || !target.startsWith(base)
                || target.equals(base)) {
            throw new IllegalStateException("entry '" + name + "' would be written outside the "
                    + "data directory");
        }
        return target;
    }

    static Map<String, String> parseChecksums(byte[] text) {
        Map<String, String> sums = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : new String(text, StandardCharsets.UTF_8).split("\n")) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 67 || !line.substring(0, 64).matches("[0-9a-f]{64}")
                    || !line.startsWith("  ", 64)) {
                throw new IllegalStateException(CHECKSUMS + " line " + lineNo
                        + " is not '<sha256>  <path>'");
            }
            sums.put(line.substring(66), line.substring(0, 64));
        }
        return sums;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
