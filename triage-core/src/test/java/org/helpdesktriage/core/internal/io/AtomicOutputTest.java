package org.helpdesktriage.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {

    @TempDir
    Path dir;

    private long filesIn(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }

    @Test
    void commit_replacesTheTargetWhole() throws IOException {
        Path target = dir.resolve("out.json");
        Files.writeString(target, "old");
        try (AtomicOutput out = AtomicOutput.create(target)) {
            out.stream().write("new content".getBytes(StandardCharsets.UTF_8));
            assertThat(Files.readString(target)).isEqualTo("old");
            out.commit();
        }
        assertThat(Files.readString(target)).isEqualTo("new content");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void closeWithoutCommit_leavesNoFileAndNoTemporary() throws IOException {
        Path target = dir.resolve("out.json");
        try (AtomicOutput out = AtomicOutput.create(target)) {
            out.stream().write(new byte[100_000]);
        }
        assertThat(target).doesNotExist();
        assertThat(filesIn(dir)).isZero();
    }

    @Test
    void closeWithoutCommit_keepsThePreviousFile() throws IOException {
        Path target = dir.resolve("out.json");
        Files.writeString(target, "previous run");
        try (AtomicOutput out = AtomicOutput.create(target)) {
            out.stream().write("half".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.readString(target)).isEqualTo("previous run");
    }

    @Test
    void create_makesMissingDirectories() throws IOException {
        Path target = dir.resolve("a/b/out.json");
        try (AtomicOutput out = AtomicOutput.create(target)) {
            out.stream().write('x');
            out.commit();
        }
        assertThat(Files.readString(target)).isEqualTo("x");
    }

    @Test
    void aNamedPipe_isWrittenInPlace_notReplacedByAFile() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        java.util.concurrent.CompletableFuture<String> read =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return Files.readString(fifo);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        AtomicOutput.write(fifo, "through the pipe".getBytes(StandardCharsets.UTF_8));
        assertThat(read.get(10, java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo("through the pipe");
        assertThat(Files.isRegularFile(fifo)).as("still a pipe").isFalse();
        assertThat(Files.exists(fifo)).isTrue();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(fifo);
        }
    }

    @Test
    void devNull_staysADevice() throws IOException {
        Path devNull = Path.of("/dev/null");
        AtomicOutput.write(devNull, "gone".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.isRegularFile(devNull)).isFalse();
        assertThat(Files.size(devNull)).isZero();
    }
}
