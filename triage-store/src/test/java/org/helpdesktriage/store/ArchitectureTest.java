package org.helpdesktriage.store;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * The store's shape: its packages one way (provider, then PostgreSQL, archives, the data
 * directory, the API, the internal plumbing), no package cycle, and only the library's API and its
 * own code.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.helpdesktriage.store");

    /**
     * The layers of the store under {@code base}; each may use only the layers below it. The
     * API ({@code base} itself) is what every implementation implements, so it uses none of them.
     */
    static ArchRule layers(String base) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("provider").definedBy(base + ".provider..")
                .layer("postgres").definedBy(base + ".postgres..")
                .layer("archive").definedBy(base + ".archive..")
                .layer("file").definedBy(base + ".file..")
                .layer("api").definedBy(base)
                .layer("internal").definedBy(base + ".internal..")
                .whereLayer("provider").mayNotBeAccessedByAnyLayer()
                .whereLayer("postgres").mayOnlyBeAccessedByLayers("provider")
                .whereLayer("archive").mayOnlyBeAccessedByLayers("provider", "postgres")
                .whereLayer("file").mayOnlyBeAccessedByLayers("provider", "postgres", "archive")
                .whereLayer("api").mayOnlyBeAccessedByLayers("provider", "postgres", "archive",
                        "file")
                .whereLayer("internal").mayOnlyBeAccessedByLayers("provider", "postgres",
                        "archive", "file", "api");
    }

    @Test
    void storePackages_goOneWay() {
        layers("org.helpdesktriage.store").check(MAIN);
    }

    @Test
    void plantedDataDirectoryClassUsingTheArchives_breaksTheLayers() {
        JavaClasses planted = new ClassFileImporter()
                .importPackages("org.helpdesktriage.archfixture.store");
        assertThatThrownBy(() -> layers("org.helpdesktriage.archfixture.store").check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("DirectoryReadingArchives")
                .hasMessageContaining("ArchiveReader");
    }

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
