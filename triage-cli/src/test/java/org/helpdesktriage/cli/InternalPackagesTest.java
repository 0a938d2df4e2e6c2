package org.helpdesktriage.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.helpdesktriage.core.TriageEngine;
import org.junit.jupiter.api.Test;

/**
 * A package with an {@code internal} segment is not API (as in PMD 7). A class of another module
 * may use an internal package of core only if core's module descriptor exports that package to
 * that module by name (the command line's module name is {@code org.helpdesktriage.cli}, though
 * it runs on the class path); nothing outside the store uses the store's internals. Checked over
 * the store and the command line.
 */
class InternalPackagesTest {

    private static final String CORE_INTERNAL = "org.helpdesktriage.core.internal";

    // main classes only: the store's test jar is on this module's test class path too
    private static final ImportOption NO_TEST_JARS = location -> !location.contains("-tests.jar");

    /** Classes outside {@code owner} must not use an internal package of {@code owner}. */
    static ArchRule internalsOf(String owner) {
        return noClasses().that().resideOutsideOfPackage(owner + "..")
                .should().dependOnClassesThat().resideInAPackage(owner + "..internal..")
                .allowEmptyShould(true)
                .because("a package with an 'internal' segment is not API");
    }

    /** Returns core's module descriptor, read from where core's classes are. */
    static ModuleDescriptor coreDescriptor() {
        try {
            URI location = TriageEngine.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI();
            URI descriptor = location.getPath().endsWith(".jar")
                    ? URI.create("jar:" + location + "!/module-info.class")
                    : location.resolve("module-info.class");
            try (InputStream in = descriptor.toURL().openStream()) {
                return ModuleDescriptor.read(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns each use of a core internal package by a class of {@code classes} whose module
     * ({@code moduleOf}) core's descriptor does not export that package to.
     */
    static SortedSet<String> unexportedUses(JavaClasses classes,
            Function<JavaClass, String> moduleOf, ModuleDescriptor core) {
        SortedSet<String> problems = new TreeSet<>();
        for (JavaClass c : classes) {
            if (c.getPackageName().startsWith("org.helpdesktriage.core")) {
                continue;
            }
            String module = moduleOf.apply(c);
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getPackageName();
                if (!(target.equals(CORE_INTERNAL) || target.startsWith(CORE_INTERNAL + "."))) {
                    continue;
                }
                Set<String> to = core.exports().stream().filter(e -> e.source().equals(target))
                        .flatMap(e -> e.targets().stream()).collect(Collectors.toSet());
                if (!to.contains(module)) {
                    problems.add(c.getName() + " (" + module + ") uses " + target
                            + ", which core exports only to " + to);
                }
            }
        }
        return problems;
    }

    // the module a class of this project belongs to, by its package
    private static String moduleOf(JavaClass c) {
        String p = c.getPackageName();
        return p.startsWith("org.helpdesktriage.store") ? "org.helpdesktriage.store"
                : p.startsWith("org.helpdesktriage.cli") ? "org.helpdesktriage.cli" : p;
    }

    @Test
    void storeAndCommandLine_useOnlyInternalsOfCoreExportedToThemByName() {
        JavaClasses outside = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(NO_TEST_JARS)
                .importPackages("org.helpdesktriage.store", "org.helpdesktriage.cli");
        assertThat(unexportedUses(outside, InternalPackagesTest::moduleOf, coreDescriptor()))
                .isEmpty();
    }

    @Test
    void nothingOutsideTheStore_usesTheStoresInternals() {
        JavaClasses outside = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(NO_TEST_JARS)
                .importPackages("org.helpdesktriage.store", "org.helpdesktriage.cli",
                        "org.helpdesktriage.core");
        internalsOf("org.helpdesktriage.store").check(outside);
    }

    @Test
    void plantedUseOfACoreInternalNotExportedToItsModule_isFound() {
        JavaClasses planted = new ClassFileImporter()
                .importClasses(org.helpdesktriage.archfixture.user.UsesCoreInternals.class);
        assertThat(unexportedUses(planted, c -> "org.helpdesktriage.store", coreDescriptor()))
                .singleElement().asString()
                .contains("UsesCoreInternals", "core.internal.evaluate")
                .doesNotContain("internal.io");
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
