package org.helpdesktriage.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.helpdesktriage.core.TriageEngine;
import org.junit.jupiter.api.Test;

/**
 * The streams app (module {@code org.helpdesktriage.streams}) uses an internal package of core
 * only if core's module descriptor exports that package to it by name, as the CLI's
 * InternalPackagesTest checks for the store and the CLI (with a planted violation).
 */
class InternalPackagesTest {

    private static final String MODULE = "org.helpdesktriage.streams";
    private static final String CORE_INTERNAL = "org.helpdesktriage.core.internal";

    private static ModuleDescriptor coreDescriptor() {
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

    @Test
    void streamsApp_usesOnlyInternalsOfCoreExportedToItByName() {
        JavaClasses app = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.helpdesktriage.streams");
        assertThat(app).isNotEmpty();
        ModuleDescriptor core = coreDescriptor();
        SortedSet<String> problems = new TreeSet<>();
        for (JavaClass c : app) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getPackageName();
                if (!(target.equals(CORE_INTERNAL) || target.startsWith(CORE_INTERNAL + "."))) {
                    continue;
                }
                Set<String> to = core.exports().stream().filter(e -> e.source().equals(target))
                        .flatMap(e -> e.targets().stream()).collect(Collectors.toSet());
                if (!to.contains(MODULE)) {
                    problems.add(c.getName() + " uses " + target + ", which core exports only to "
                            + to);
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
