package org.helpdesktriage.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * A package with an {@code internal} segment is not API (as in PMD 7): no class outside the
 * module that owns it may use it. Checked over the store and the command line.
 */
class InternalPackagesTest {

    /** Classes outside {@code owner} must not use an internal package of {@code owner}. */
    static ArchRule internalsOf(String owner) {
        return noClasses().that().resideOutsideOfPackage(owner + "..")
                .should().dependOnClassesThat().resideInAPackage(owner + "..internal..")
                .allowEmptyShould(true)
                .because("a package with an 'internal' segment is not API");
    }

    @Test
    void storeAndCommandLine_useNoInternalPackageOfCore() {
        JavaClasses outside = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.helpdesktriage.store", "org.helpdesktriage.cli",
                        "org.helpdesktriage.core");
        internalsOf("org.helpdesktriage.core").check(outside);
        internalsOf("org.helpdesktriage.store").check(outside);
    }

    @Test
    void plantedUseOfAnInternalPackage_isFound() {
        JavaClasses planted = new ClassFileImporter()
                .importPackages("org.helpdesktriage.archfixture");
        assertThatThrownBy(() -> internalsOf("org.helpdesktriage.archfixture.lib")
                .check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("UsesHidden").hasMessageContaining("Hidden");
    }
}
