package org.helpdesktriage.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * A command class parses options and calls one use case of the library (a {@code TriageJob},
 * an {@code SlaOverview}, a storage's backup): what it does beyond that belongs in the library
 * or in a helper beside it. Checked as PMD checks its rules: by size, at most
 * {@value #MAX_LINES} lines of source per {@code @Command} class.
 */
class CommandShapeTest {

    static final int MAX_LINES = 120;

    /** Every {@code @Command} class has at most {@code MAX_LINES} lines in {@code sources}. */
    static ArchRule commandsAreShort(Path sources) {
        return classes().that().areAnnotatedWith(Command.class).and().areTopLevelClasses()
                .should(new ArchCondition<JavaClass>("have at most " + MAX_LINES
                        + " lines of source") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        long lines = lines(sources.resolve(c.getPackageName().replace('.', '/'))
                                .resolve(c.getSimpleName() + ".java"));
                        events.add(new SimpleConditionEvent(c, lines <= MAX_LINES,
                                c.getName() + " has " + lines + " lines"));
                    }
                })
                .because("a command parses options and calls one use case");
    }

    private static long lines(Path source) {
        try (var lines = Files.lines(source)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyCommandClass_isAtMost120Lines() {
        JavaClasses cli = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.helpdesktriage.cli");
        commandsAreShort(Path.of("src/main/java")).check(cli);
    }

    @Test
    void aPlantedLongCommand_isFound() {
        JavaClasses planted = new ClassFileImporter()
                .importPackages("org.helpdesktriage.archfixture.commands");
        assertThatThrownBy(() -> commandsAreShort(Path.of("src/test/java")).check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("TooLongCommand has 126 lines");
    }
}
