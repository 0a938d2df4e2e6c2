package org.helpdesktriage.store;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
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

    /**
     * Core's internal.io (atomic writes, ticket JSON) is exported to the store by name in core's
     * module-info; no other internal package of core is. The CLI's InternalPackagesTest checks
     * the store against core's descriptor itself.
     */
    @Test
    void store_usesNeitherCoreInternalsNotExportedToItNorTheCommandLine() {
        noClasses().should().dependOnClassesThat(
                resideInAPackage("org.helpdesktriage.core..internal..")
                        .and(not(resideInAPackage("org.helpdesktriage.core.internal.io"))))
                .check(MAIN);
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.helpdesktriage.cli..", "ch.qos.logback..")
                .check(MAIN);
    }
}
