package org.helpdesktriage.store.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.helpdesktriage.core.internal.io.TicketJson;
import org.helpdesktriage.store.TestTickets;
import org.helpdesktriage.store.file.FileNames;

/** Builds crafted tar.gz archives for restore tests, entry by entry. */
public final class Archives {

    private final List<Consumer<TarArchiveOutputStream>> entries = new ArrayList<>();

    private Archives() {
    }

    static Archives archive() {
        return new Archives();
    }

    /** Returns a ticket file's bytes, as the store writes them. */
    static byte[] ticketBytes(String id) {
        return (TicketJson.toPrettyJson(TestTickets.ticket(id)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the files of a small valid data directory, relative name to bytes. */
    static Map<String, byte[]> dataFiles(String... ticketIds) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("format-version", "1\n".getBytes(StandardCharsets.UTF_8));
        for (String id : ticketIds) {
            files.put("tickets/" + FileNames.forId(id), ticketBytes(id));
        }
        files.put("audit/audit-2026-11-23.jsonl", ("{\"time\":\"2026-11-23T09:00:00Z\","
                + "\"actor\":\"a\",\"action\":\"triage\",\"ticket_id\":\"T-1\",\"changes\":{},"
                + "\"run_id\":null}\n").getBytes(StandardCharsets.UTF_8));
        return files;
    }

    Archives file(String name, byte[] bytes) {
        entries.add(tar -> {
            TarArchiveEntry e = new TarArchiveEntry(name, true);
            e.setSize(bytes.length);
            put(tar, e, bytes);
        });
        return this;
    }

    Archives file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds every file of {@code files} under {@code prefix} ("", "data/", "./"). */
    Archives files(String prefix, Map<String, byte[]> files) {
        files.forEach((name, bytes) -> file(prefix + name, bytes));
        return this;
    }

    /** Adds an entry whose header declares {@code size} bytes of zeros, streamed. */
    Archives zeros(String name, long size) {
        entries.add(tar -> {
            TarArchiveEntry e = new TarArchiveEntry(name, true);
            e.setSize(size);
            try {
                tar.putArchiveEntry(e);
                byte[] chunk = new byte[1 << 16];
                for (long left = size; left > 0; left -= chunk.length) {
                    tar.write(chunk, 0, (int) Math.min(chunk.length, left));
                }
                tar.closeArchiveEntry();
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
        return this;
    }

    /** Adds an entry of another type: a link, a device, a directory. */
    Archives special(String name, byte type, String linkTarget) {
        entries.add(tar -> {
            TarArchiveEntry e = new TarArchiveEntry(name, type, true);
            if (linkTarget != null) {
                e.setLinkName(linkTarget);
            }
            put(tar, e, new byte[0]);
        });
        return this;
    }

    /**
     * Adds {@code files} as {@link Backup} writes them: the manifest first, the checksums of
     * every file last. {@code names} maps a file to the name its entry gets, when it differs.
     */
    Archives backup(Map<String, byte[]> files, Map<String, String> names) {
        long bytes = files.values().stream().mapToLong(b -> b.length).sum();
        long tickets = files.keySet().stream().filter(n -> n.startsWith("tickets/")).count();
        byte[] manifest = ("{\"tickets\":" + tickets + ",\"files\":" + files.size()
                + ",\"bytes\":" + bytes + ",\"format_version\":1}\n")
                .getBytes(StandardCharsets.UTF_8);
        StringBuilder sums = new StringBuilder();
        sums.append(sha256(manifest)).append("  manifest.json\n");
        file("manifest.json", manifest);
        files.forEach((name, b) -> {
            file(names.getOrDefault(name, name), b);
            sums.append(sha256(b)).append("  ").append(name).append('\n');
        });
        return file("checksums.sha256", sums.toString());
    }

    /** Returns the uncompressed tar. */
    byte[] tar() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTar(out);
        return out.toByteArray();
    }

    /** Writes the archive, gzipped, to {@code file}. */
    Path writeTo(Path file) throws IOException {
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(file))) {
            writeTar(out);
        }
        return file;
    }

    private void writeTar(OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        entries.forEach(e -> e.accept(tar));
        tar.finish();
        tar.flush();
    }

    private static void put(TarArchiveOutputStream tar, TarArchiveEntry e, byte[] bytes) {
        try {
            tar.putArchiveEntry(e);
            tar.write(bytes);
            tar.closeArchiveEntry();
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(BackupArchive.sha256().digest(bytes));
    }
}
