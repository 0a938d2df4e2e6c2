package org.helpdesktriage.store.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.helpdesktriage.store.archive.Archives.archive;
import static org.helpdesktriage.store.archive.Archives.dataFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.helpdesktriage.store.HealthCheck;
import org.helpdesktriage.store.RestoreResult;
import org.helpdesktriage.store.TestTickets;
import org.helpdesktriage.store.file.FileStore;
import org.helpdesktriage.store.file.FormatVersion;
import org.helpdesktriage.store.file.StoreHealth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restore of crafted archives (issue 11, class 4): every name canonicalised and checked, every
 * size bounded before anything is written, manifest and checksums read within limits; and of
 * plain tars of a data directory (issue 16), verified by parsing every file.
 */
class ArchiveRestoreTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-23T09:30:05Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    Path root;
    Map<String, byte[]> before;

    @BeforeEach
    void existingDataDirectory() throws IOException {
        root = tmp.resolve("data");
        new FileStore(root).save(TestTickets.ticket("OLD-1"));
        FormatVersion.write(root, 1);
        before = snapshot(root);
    }

    private RestoreResult restore(Path archive) {
        return Restore.run(archive, root, CLOCK);
    }

    private void assertRefused(Path archive, ArchiveLimits limits, String... reasons)
            throws IOException {
        assertThatThrownBy(() -> Restore.run(archive, root, CLOCK, limits))
                .hasMessageContaining("was refused and nothing was restored")
                .hasMessageContaining("is unchanged")
                .message().contains(reasons);
        Map<String, byte[]> now = snapshot(root);
        assertThat(now.keySet()).isEqualTo(before.keySet());
        before.forEach((n, b) -> assertThat(now.get(n)).as(n).isEqualTo(b));
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString()))
                    .as("no staging directory is left").noneMatch(n -> n.contains("staging"));
        }
    }

    private void assertRefused(Path archive, String... reasons) throws IOException {
        assertRefused(archive, ArchiveLimits.defaults(), reasons);
    }

    @Test
    void backupWithDotSegmentNames_isRefused() throws IOException {
        for (String crafted : new String[] {"./tickets/T-1.json", "tickets/./T-1.json",
            "tickets//T-1.json"}) {
            Path a = archive().backup(dataFiles("T-1"), Map.of("tickets/T-1.json", crafted))
                    .writeTo(tmp.resolve("crafted.tar.gz"));
            assertRefused(a, "'" + crafted + "' is not named exactly as checksums.sha256 lists "
                    + "it ('tickets/T-1.json')");
        }
    }

    @Test
    void backupWithAnUnlistedOrDuplicatedEntry_isRefused() throws IOException {
        Path unlisted = archive().backup(dataFiles("T-1"), Map.of())
                .file("tickets/EVIL.json", Archives.ticketBytes("EVIL"))
                .writeTo(tmp.resolve("unlisted.tar.gz"));
        assertRefused(unlisted, "tickets/EVIL.json is not listed in checksums.sha256");
        Path twice = archive().file("tickets/T-1.json", Archives.ticketBytes("T-1"))
                .backup(dataFiles("T-1"), Map.of()).writeTo(tmp.resolve("twice.tar.gz"));
        assertRefused(twice, "'tickets/T-1.json' occurs twice");
        Path aliased = archive().file("./tickets/T-1.json", Archives.ticketBytes("T-1"))
                .backup(dataFiles("T-1"), Map.of()).writeTo(tmp.resolve("aliased.tar.gz"));
        assertRefused(aliased, "'tickets/T-1.json' occurs twice");
    }

    @Test
    void escapingAndSpecialEntries_areRefused() throws IOException {
        Map<String, Archives> crafted = new TreeMap<>();
        crafted.put("'..' segment", archive().files("", dataFiles("T-1"))
                .file("tickets/../../evil.json", "{}"));
        crafted.put("is absolute", archive().files("", dataFiles("T-1")).file("/etc/evil", "x"));
        crafted.put("is a link", archive().files("", dataFiles("T-1"))
                .special("tickets/L.json", TarConstants.LF_SYMLINK, "/etc/passwd"));
        crafted.put("is a link ", archive().files("", dataFiles("T-1"))
                .special("tickets/H.json", TarConstants.LF_LINK, "format-version"));
        crafted.put("is not a regular file", archive().files("", dataFiles("T-1"))
                .special("tickets/D.json", TarConstants.LF_CHR, null));
        crafted.put("backslash", archive().files("", dataFiles("T-1"))
                .file("tickets\\..\\..\\evil.json", "{}"));
        for (Map.Entry<String, Archives> c : crafted.entrySet()) {
            assertRefused(c.getValue().writeTo(tmp.resolve("crafted.tar.gz")),
                    c.getKey().trim());
        }
    }

    @Test
    void declaredGigabytes_areRefusedBeforeAnythingIsWritten() throws IOException {
        // the header says 2 GiB; the survey refuses on the header, before any data is read
        Path bomb = archive().files("", dataFiles("T-1"))
                .zeros("audit/audit-2026-11-24.jsonl", 0).writeTo(tmp.resolve("x.tar.gz"));
        byte[] tar = archive().files("", dataFiles("T-1")).tar();
        Path header = tmp.resolve("header.tar.gz");
        try (var out = new org.apache.commons.compress.compressors.gzip
                .GzipCompressorOutputStream(Files.newOutputStream(header))) {
            out.write(tar, 0, tar.length - 1024); // without the end-of-archive blocks
            var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(
                    "audit/audit-2026-11-24.jsonl");
            e.setSize(2L << 30);
            byte[] block = new byte[512];
            e.writeEntryHeader(block);
            out.write(block);
        }
        assertThat(Files.size(header)).isLessThan(4096);
        assertRefused(header, "refused before writing anything");
        assertThat(restore(bomb).tickets()).isEqualTo(1);
    }

    @Test
    void realBomb_isRefusedByTheExpansionLimit_andDeclaredBytesOfABackup() throws IOException {
        ArchiveLimits small = new ArchiveLimits(100, 1 << 20, 64L << 20, 64L << 20, 200,
                1 << 20);
        Path bomb = archive().files("", dataFiles("T-1"))
                .zeros("audit/audit-2026-11-24.jsonl", 8L << 20).writeTo(tmp.resolve("b.tar.gz"));
        assertThat(Files.size(bomb)).isLessThan(64 * 1024);
        assertRefused(bomb, small, "expands to more than");

        Map<String, byte[]> files = dataFiles("T-1");
        Path lying = archive().backup(files, Map.of()).writeTo(tmp.resolve("l.tar.gz"));
        byte[] gz = Files.readAllBytes(lying);
        assertThat(restore(lying).backup()).isTrue();
        // the same files, but a manifest that declares fewer bytes than the archive holds
        root = tmp.resolve("data2");
        new FileStore(root).save(TestTickets.ticket("OLD-1"));
        before = snapshot(root);
        Map<String, byte[]> more = new java.util.LinkedHashMap<>(files);
        more.put("runs/R.json", new byte[100]);
        byte[] manifest = "{\"tickets\":1,\"files\":3,\"bytes\":10,\"format_version\":1}\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        StringBuilder sums = new StringBuilder(Archives.sha256(manifest) + "  manifest.json\n");
        Archives a = archive().file("manifest.json", manifest);
        more.forEach((n, b) -> {
            a.file(n, b);
            sums.append(Archives.sha256(b)).append("  ").append(n).append('\n');
        });
        Path declared = a.file("checksums.sha256", sums.toString())
                .writeTo(tmp.resolve("d.tar.gz"));
        assertRefused(declared, "but manifest.json declares 10");
        assertThat(gz).isNotEmpty();
    }

    @Test
    void manifestAndChecksumBombs_areRefusedWithinTheirLimits() throws IOException {
        Path big = archive().zeros("manifest.json", 32L << 20).backup(dataFiles("T-1"), Map.of())
                .writeTo(tmp.resolve("big.tar.gz"));
        assertThat(Files.size(big)).isLessThan(1 << 20);
        assertRefused(big, "manifest.json declares 33554432 bytes");

        Path deep = archive().file("manifest.json", "[".repeat(60_000))
                .file("checksums.sha256", "").writeTo(tmp.resolve("deep.tar.gz"));
        assertRefused(deep, "manifest.json is not valid JSON");

        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            lines.append("0".repeat(64)).append("  tickets/X").append(i).append(".json\n");
        }
        Path sums = archive().file("manifest.json", "{\"tickets\":0}")
                .file("checksums.sha256", lines.toString()).writeTo(tmp.resolve("s.tar.gz"));
        assertRefused(sums, "checksums.sha256 lists 'tickets/X0.json', which the archive does "
                + "not hold");
        Path manyEntries = archive().files("", dataFiles("T-1", "T-2", "T-3"))
                .writeTo(tmp.resolve("m.tar.gz"));
        assertRefused(manyEntries, new ArchiveLimits(3, 1 << 20, 1 << 20, 1 << 20, 10, 1 << 20),
                "more than 3 entries");
    }

    @Test
    void plainTar_ofADataDirectory_isRestoredWhateverItsPrefix() throws IOException {
        for (String prefix : new String[] {"", "./", "data/", "var/lib/helpdesk/"}) {
            Map<String, byte[]> files = dataFiles("T-1", "abc");
            Path tar = archive().special(prefix.isEmpty() ? "./" : prefix,
                    TarConstants.LF_DIR, null).files(prefix, files)
                    .file(prefix + "lock", "{\"pid\":1,\"host\":\"h\"}\n")
                    .file(prefix + "tickets/.tmp-0011223344556677", "{\"half")
                    .writeTo(tmp.resolve("plain.tar.gz"));
            RestoreResult r = restore(tar);
            assertThat(r.backup()).isFalse();
            assertThat(r.tickets()).as(prefix).isEqualTo(2);
            Map<String, byte[]> restored = snapshot(root);
            assertThat(restored.keySet()).as(prefix).isEqualTo(files.keySet());
            files.forEach((n, b) -> assertThat(restored.get(n)).as(n).isEqualTo(b));
            assertThat(HealthCheck.healthy(StoreHealth.check(root, 0))).isTrue();
            assertThat(HealthCheck.hasWarnings(StoreHealth.check(root, 0))).isFalse();
        }
    }

    @Test
    void plainTar_withATornLastAuditLine_isRestoredWithoutIt() throws IOException {
        Map<String, byte[]> files = dataFiles("T-1");
        byte[] audit = files.get("audit/audit-2026-11-23.jsonl");
        byte[] torn = java.util.Arrays.copyOf(audit, audit.length * 2 - 20);
        System.arraycopy(audit, 0, torn, audit.length, audit.length - 20);
        files.put("audit/audit-2026-11-23.jsonl", torn);
        RestoreResult r = restore(archive().files("data/", files)
                .writeTo(tmp.resolve("torn.tar.gz")));
        assertThat(r.notes()).singleElement().asString()
                .contains("unfinished last line of audit/audit-2026-11-23.jsonl");
        assertThat(root.resolve("audit/audit-2026-11-23.jsonl")).hasBinaryContent(audit);
    }

    @Test
    void plainTar_withAnythingThatDoesNotParse_isRefusedNamingIt() throws IOException {
        Map<String, String> bad = new TreeMap<>();
        bad.put("tickets/T-2.json", "T-2.json");
        bad.put("runs/R-1.json", "run record runs/R-1.json cannot be read");
        bad.put("dead-letters/D.json", "dead letter dead-letters/D.json cannot be read");
        bad.put("audit/audit-2026-11-22.jsonl", "audit/audit-2026-11-22.jsonl line 1");
        bad.put("notes.txt", "is not a file of a data directory");
        for (Map.Entry<String, String> b : bad.entrySet()) {
            Path tar = archive().files("data/", dataFiles("T-1"))
                    .file("data/" + b.getKey(), "{not json\n").writeTo(tmp.resolve("p.tar.gz"));
            assertRefused(tar, b.getValue());
        }
        Path misnamed = archive().files("data/", dataFiles("T-1"))
                .file("data/tickets/T-9.json", Archives.ticketBytes("T-1"))
                .writeTo(tmp.resolve("m.tar.gz"));
        assertRefused(misnamed, "holds ticket 'T-1', whose file would be T-1.json");
        Path newer = archive().files("data/", dataFiles("T-1")).file("data/format-version", "9")
                .writeTo(tmp.resolve("n.tar.gz"));
        assertRefused(newer, "'data/format-version' occurs twice");
        Map<String, byte[]> nine = dataFiles("T-1");
        nine.put("format-version", "9\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertRefused(archive().files("data/", nine).writeTo(tmp.resolve("9.tar.gz")),
                "upgrade helpdesk-triage");
        Path two = archive().files("a/", dataFiles("T-1")).files("b/", dataFiles("T-2"))
                .writeTo(tmp.resolve("two.tar.gz"));
        assertRefused(two, "more than one data directory");
        assertRefused(archive().file("x", "y").writeTo(tmp.resolve("none.tar.gz")),
                "holds no data directory");
    }

    static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isRegularFile(p)) {
                    files.put(dir.relativize(p).toString().replace('\\', '/'),
                            Files.readAllBytes(p));
                }
            }
        }
        return files;
    }
}
