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
}
