package org.helpdesktriage.store.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.store.HealthCheck;
import org.helpdesktriage.store.RestoreResult;
import org.helpdesktriage.store.TestTickets;
import org.helpdesktriage.store.file.FileStore;
import org.helpdesktriage.store.file.FormatVersion;
import org.helpdesktriage.store.file.Leftovers;
import org.helpdesktriage.store.file.StoreHealth;

/**
 * Fuzzes restore's reading of archives (issue 11). The first byte chooses how the rest is
 * used: even, as a tar that the harness gzips (so the fuzzer explores the tar layer rather than
 * gzip's checksums); odd, as the gzip file itself. Seeds: a backup, a plain tar of a data
 * directory under {@code data/} and under {@code ./}, in {@code ArchiveFuzzTestInputs/restore/};
 * found crashes land there too and are replayed by every build.
 *
 * <p>Invariants on every input: only a {@link TriageException} with
 * {@link ErrorCode#STORE_FAILED} escapes; a refused archive leaves the data directory
 * byte-identical and nothing beside it; a restored one reads back whole, holds no manifest,
 * checksums or lock file, and nothing is written outside the data directory and its
 * pre-restore copy.
 *
 * <p>Fuzz with {@code JAZZER_FUZZ=1 ./mvnw -o test -pl triage-store -am
 * -Dtest=ArchiveFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ArchiveFuzzTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-23T09:30:05Z"), ZoneOffset.UTC);
    // a tmpfs where there is one: restore fsyncs every file, which would make fuzzing crawl
    private static final Path SCRATCH = Files.isDirectory(Path.of("/dev/shm"))
            && Files.isWritable(Path.of("/dev/shm")) ? Path.of("/dev/shm")
                    : Path.of(System.getProperty("java.io.tmpdir"));
    private static final ArchiveLimits LIMITS =
            new ArchiveLimits(500, 1 << 20, 4 << 20, 16 << 20, 200, 8 << 20);

    @FuzzTest(maxDuration = "5m")
    void restore(byte[] input) throws IOException {
        Path base = Files.createTempDirectory(SCRATCH, "archive-fuzz");
        try {
            Path root = base.resolve("data");
            new FileStore(root).save(TestTickets.ticket("OLD-1"));
            FormatVersion.write(root, 1);
            Map<String, byte[]> before = ArchiveRestoreTest.snapshot(root);
            Path archive = write(base.resolve("in.tar.gz"), input);
            try {
                RestoreResult r = Restore.run(archive, root, CLOCK, LIMITS);
                assertThat(names(base)).allMatch(n -> n.equals("data") || n.equals("in.tar.gz")
                        || n.startsWith("data.pre-restore-"));
                var scan = new FileStore(root).scan();
                assertThat(scan.corrupt()).isEmpty();
                assertThat(scan.count()).isEqualTo(r.tickets());
                for (String n : new String[] {"manifest.json", "checksums.sha256", "lock"}) {
                    assertThat(root.resolve(n)).doesNotExist();
                }
                if (!r.backup()) {
                    List<HealthCheck> checks = StoreHealth.check(root, 0);
                    assertThat(HealthCheck.healthy(checks)).as(checks.toString()).isTrue();
                }
            } catch (TriageException e) {
                assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.STORE_FAILED);
                assertThat(e.getMessage()).contains("is unchanged");
                Map<String, byte[]> now = ArchiveRestoreTest.snapshot(root);
                assertThat(now.keySet()).isEqualTo(before.keySet());
                before.forEach((n, b) -> assertThat(now.get(n)).as(n).isEqualTo(b));
                assertThat(names(base)).containsExactlyInAnyOrder("data", "in.tar.gz");
            }
        } finally {
            Leftovers.deleteTree(base);
        }
    }

    private static Path write(Path file, byte[] input) throws IOException {
        byte[] rest = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
        if (input.length > 0 && (input[0] & 1) == 1) {
            return Files.write(file, rest);
        }
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(file))) {
            out.write(rest);
        }
        return file;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toList());
        }
    }
}
