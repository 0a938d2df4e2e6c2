package org.helpdesktriage.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The command line names no store implementation: it opens the store and operates it through
 * the storage provider ({@code org.helpdesktriage.store.provider}) and the store's API
 * ({@code org.helpdesktriage.store}), never the data directory, archive or PostgreSQL packages.
 */
class StoreImplementationsTest {

    /** Classes in {@code cli} must not use the implementation packages of the store at {@code store}. */
    static ArchRule noStoreImplementationIn(String cli, String store) {
        return noClasses().that().resideInAPackage(cli + "..")
                .should().dependOnClassesThat().resideInAnyPackage(store + ".file..",
                        store + ".archive..", store + ".postgres..", store + ".internal..")
                .because("commands open and operate the store through the storage provider");
    }

    @Test
    void commandLine_usesNoStoreImplementation() {
        JavaClasses cli = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.helpdesktriage.cli");
        noStoreImplementationIn("org.helpdesktriage.cli", "org.helpdesktriage.store").check(cli);
    }

    @Test
    void plantedCommandNamingAStoreImplementation_isFound() {
        JavaClasses planted = new ClassFileImporter()
                .importPackages("org.helpdesktriage.archfixture");
        assertThatThrownBy(() -> noStoreImplementationIn("org.helpdesktriage.archfixture.cli",
                "org.helpdesktriage.archfixture.store").check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CommandNamingAStoreClass")
                .hasMessageContaining("FileStoreImpl");
    }
}
