package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The man pages kept in docs/man are those the command model generates today. */
class ManPagesTest {

    // the tests run in triage-cli/
    private static final Path KEPT = Path.of("..", "docs", "man");

    @TempDir
    Path dir;

    @Test
    void docsMan_matchesThePagesGeneratedFromTheCommands() throws IOException {
        ManPages.generate(dir);
        Map<String, String> generated = pages(dir);
        assertThat(generated).containsKeys("helpdesk-triage.adoc",
                "helpdesk-triage-triage.adoc", "helpdesk-triage-completion.adoc");
        assertThat(pages(KEPT)).as("docs/man is out of date: run ./mvnw -B -q -o "
                + "process-test-classes -pl triage-cli -am, then copy triage-cli/target/man/*.adoc"
                + " to docs/man/ (and delete pages of commands that are gone)")
                .isEqualTo(generated);
    }

    private static Map<String, String> pages(Path dir) throws IOException {
        Map<String, String> pages = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                pages.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return pages;
    }
}
