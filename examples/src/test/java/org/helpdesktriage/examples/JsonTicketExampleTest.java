package org.helpdesktriage.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The one-JSON-string example runs, and uses the library's public API only. */
class JsonTicketExampleTest {

    private static String run(String... args) {
        return ExampleRun.stdout(() -> JsonTicketExample.main(args));
    }

    @Test
    void sampleTicket_isRoutedByTheDefaultRules() {
        assertThat(run()).startsWith("TKT-20261123-7F3A9C21 -> account-team, priority high");
    }

    @Test
    void ticketWithErrors_isARejectionNamingThem() {
        assertThat(run("{\"title\": \"\", \"requester_email\": \"a@b\"}"))
                .startsWith("rejected: ").contains("requester_email").contains("title");
    }

    @Test
    void examples_useNoInternalPackage_andOfTheStoreOnlyItsApiAndProvider() {
        classes().that().resideInAPackage("org.helpdesktriage.examples..")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages(
                        "org.helpdesktriage..internal..", "org.helpdesktriage.store.file..",
                        "org.helpdesktriage.store.archive..", "org.helpdesktriage.store.postgres..",
                        "org.helpdesktriage.cli..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.helpdesktriage.examples"));
    }
}
