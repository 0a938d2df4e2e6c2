package org.helpdesktriage.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/** The store's shape: no package cycle, and only the library's API and its own code. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.helpdesktriage.store");

    @Test
    void storePackages_formNoCycle() {
        SlicesRuleDefinition.slices().matching("org.helpdesktriage.store.(**)")
                .should().beFreeOfCycles().allowEmptyShould(true).check(MAIN);
    }

    @Test
    void store_usesNeitherCoreInternalsNorTheCommandLine() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.helpdesktriage.core..internal..",
                        "org.helpdesktriage.cli..", "ch.qos.logback..")
                .check(MAIN);
    }
}
