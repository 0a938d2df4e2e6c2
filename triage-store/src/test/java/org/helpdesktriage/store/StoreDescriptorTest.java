package org.helpdesktriage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The store's module descriptor exports its API, {@code org.helpdesktriage.store} and the
 * provider, to everyone, and none of its implementations (file, archive, postgres, internal),
 * not even by name: the command line reaches the store through the provider only.
 */
class StoreDescriptorTest {

    static final Set<String> API = Set.of("org.helpdesktriage.store",
            "org.helpdesktriage.store.provider");

    static ModuleDescriptor storeDescriptor() {
        // the class path holds other libraries' module-info.class too: read the store's own
        try (InputStream in = Storage.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI().resolve("module-info.class").toURL().openStream()) {
            return ModuleDescriptor.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns what is wrong with the exports of {@code d}. */
    static SortedSet<String> exportProblems(ModuleDescriptor d) {
        SortedSet<String> problems = new TreeSet<>();
        for (String api : API) {
            if (d.exports().stream().noneMatch(e -> e.source().equals(api) && !e.isQualified())) {
                problems.add("API package " + api + " is not exported to everyone");
            }
        }
        d.exports().stream().filter(e -> !API.contains(e.source()))
                .forEach(e -> problems.add("implementation package " + e.source()
                        + " is exported" + (e.isQualified() ? " to " + e.targets() : "")));
        return problems;
    }

    @Test
    void theDescriptorExportsTheApiOnly() {
        ModuleDescriptor d = storeDescriptor();
        assertThat(d.name()).isEqualTo("org.helpdesktriage.store");
        assertThat(exportProblems(d)).isEmpty();
    }

    @Test
    void aPlantedExportOfAnImplementation_isFound() {
        ModuleDescriptor planted = ModuleDescriptor.newModule("org.helpdesktriage.store")
                .exports("org.helpdesktriage.store")
                .exports("org.helpdesktriage.store.provider")
                .exports("org.helpdesktriage.store.postgres", Set.of("org.helpdesktriage.cli"))
                .packages(Set.of("org.helpdesktriage.store.file"))
                .build();
        assertThat(exportProblems(planted)).containsExactly("implementation package "
                + "org.helpdesktriage.store.postgres is exported to [org.helpdesktriage.cli]");
    }
}
