package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every source file of the project's modules stays under {@value #MAX_LINES} lines: a class
 * that grows past it holds two things, and one of them gets a class of its own.
 */
class ClassSizeTest {

    static final int MAX_LINES = 400;

    /** Returns "FILE has N lines" for each Java file under {@code roots} at or over the limit. */
    static List<String> tooLong(List<Path> roots) {
        return roots.stream().filter(Files::isDirectory).flatMap(root -> {
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).map(f -> {
            try (Stream<String> lines = Files.lines(f)) {
                long n = lines.count();
                return n >= MAX_LINES ? f + " has " + n + " lines" : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).filter(s -> s != null).sorted().toList();
    }

    @Test
    void everyMainSourceFileIsUnder400Lines() {
        // the tests run in triage-cli; the modules are its siblings
        List<Path> roots = Stream.of("triage-core", "triage-store", "triage-cli",
                "triage-streams", "examples").map(m -> Path.of("..", m, "src", "main", "java"))
                .toList();
        assertThat(roots).allMatch(Files::isDirectory);
        assertThat(tooLong(roots)).isEmpty();
    }

    @Test
    void aPlantedLongFile_isFound(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("Long.java"), java.util.Collections.nCopies(400, "//"));
        Files.write(dir.resolve("Short.java"), java.util.Collections.nCopies(399, "//"));
        assertThat(tooLong(List.of(dir))).containsExactly(dir.resolve("Long.java")
                + " has 400 lines");
    }
}
