package org.helpdesktriage.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What core's module descriptor shows: it exports exactly the API packages (every core package
 * without an {@code internal} segment), and an internal package at most to this project's own
 * modules, by name; every package says in its package-info whether it is API. Also counts the
 * public types of the API, the figure issue 27 asks to keep small; run this test alone to print
 * them:
 * {@code ./mvnw -B -o -pl triage-core test -Dtest=ModuleDescriptorTest}.
 */
class ModuleDescriptorTest {

    private static final String CORE = "org.helpdesktriage.core";

    /** The modules of this project an internal package of core may be exported to. */
    static final Set<String> OWN_MODULES = Set.of("org.helpdesktriage.store",
            "org.helpdesktriage.cli", "org.helpdesktriage.streams");

    /**
     * The most public top-level types the exported packages may hold. Lower it when a type
     * leaves the API; issue 27 aims at 40. Issue 24 added eight: {@code route.PriorityMatrix}
     * ({@code TriageConfig.priorityMatrix()} returns it and an embedder building a configuration
     * in code constructs one; it cannot nest in {@code TriageConfig}, near 400 lines, nor in
     * {@code Routing}, a decision, not a policy), and the package {@code assign} an embedder
     * plugs a strategy or a ledger into: Agent, AssignmentSettings, AssignmentStrategy,
     * Assignment, AgentLedger and Assigner; and one more, the use case {@code job.QueueSweep},
     * which gives waiting tickets out as shifts start (command {@code assign}). Issue 25 added
     * two, the package {@code duplicates}: {@code DuplicateFinder} (the look-up an embedder
     * calls; its settings and the report it reads are nested records) and
     * {@code PossibleDuplicate} (what a look-up returns, and what a result will carry).
     */
    static final int PUBLIC_TYPES_CEILING = 60;

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CORE);

    static ModuleDescriptor coreDescriptor() {
        // the class path holds other libraries' module-info.class too: read core's own
        try (InputStream in = TriageEngine.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI().resolve("module-info.class").toURL().openStream()) {
            return ModuleDescriptor.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns what is wrong with {@code d} as the descriptor of a module with {@code packages}. */
    static SortedSet<String> exportProblems(ModuleDescriptor d, Set<String> packages) {
        SortedSet<String> problems = new TreeSet<>();
        for (String p : packages) {
            boolean internal = isInternal(p);
            List<ModuleDescriptor.Exports> exports = d.exports().stream()
                    .filter(e -> e.source().equals(p)).toList();
            if (!internal && (exports.isEmpty() || exports.get(0).isQualified())) {
                problems.add("API package " + p + " is not exported to everyone");
            }
            for (ModuleDescriptor.Exports e : exports) {
                if (internal && !e.isQualified()) {
                    problems.add("internal package " + p + " is exported to everyone");
                }
                for (String target : e.targets()) {
                    if (!OWN_MODULES.contains(target)) {
                        problems.add(p + " is exported to " + target
                                + ", which is not a module of this project");
                    }
                }
            }
        }
        d.exports().stream().map(ModuleDescriptor.Exports::source)
                .filter(p -> !packages.contains(p))
                .forEach(p -> problems.add("exports " + p + ", which holds no class"));
        return problems;
    }

    private static boolean isInternal(String packageName) {
        return ("." + packageName + ".").contains(".internal.");
    }

    private static Set<String> corePackages() {
        return MAIN.stream().map(JavaClass::getPackageName)
                .filter(p -> p.equals(CORE) || p.startsWith(CORE + "."))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void descriptor_exportsExactlyTheApiPackages_andInternalsOnlyToOwnModules() {
        ModuleDescriptor d = coreDescriptor();
        assertThat(d.name()).isEqualTo(CORE);
        assertThat(exportProblems(d, corePackages())).isEmpty();
    }

    @Test
    void plantedDescriptor_withInternalExportedToAll_andApiPackageMissing_isFound() {
        ModuleDescriptor planted = ModuleDescriptor.newModule("planted")
                .exports("planted.api")
                .exports("planted.internal.io")
                .exports(Set.of(), "planted.internal.text", Set.of("org.example.app"))
                .packages(Set.of("planted.more"))
                .build();
        assertThat(exportProblems(planted, Set.of("planted.api", "planted.more",
                "planted.internal.io", "planted.internal.text")))
                .containsExactly(
                        "API package planted.more is not exported to everyone",
                        "internal package planted.internal.io is exported to everyone",
                        "planted.internal.text is exported to org.example.app, which is not a"
                                + " module of this project");
    }

    /**
     * Returns the packages under {@code sourceRoot} that hold Java files but no package-info.java,
     * or whose package-info does not open with "API." (a package without an {@code internal}
     * segment) or "Not API." (one with it).
     */
    static SortedSet<String> packageInfoProblems(Path sourceRoot) throws IOException {
        SortedSet<String> problems = new TreeSet<>();
        try (Stream<Path> dirs = Files.walk(sourceRoot)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                boolean hasTypes;
                try (Stream<Path> files = Files.list(dir)) {
                    hasTypes = files.anyMatch(f -> f.toString().endsWith(".java")
                            && !f.endsWith("package-info.java")
                            && !f.endsWith("module-info.java"));
                }
                if (!hasTypes) {
                    continue;
                }
                String pkg = sourceRoot.relativize(dir).toString().replace(File.separatorChar, '.');
                Path info = dir.resolve("package-info.java");
                if (!Files.exists(info)) {
                    problems.add(pkg + " has no package-info.java");
                    continue;
                }
                String doc = Files.readString(info).replaceAll("(?s)^\\s*/\\*\\*\\s*\\*\\s*", "");
                String expected = isInternal(pkg) ? "Not API." : "API.";
                if (!doc.startsWith(expected)) {
                    problems.add(pkg + "'s package-info.java does not open with '" + expected
                            + "'");
                }
            }
        }
        return problems;
    }

    @Test
    void everyCorePackage_saysInItsPackageInfoWhetherItIsApi() throws IOException {
        assertThat(packageInfoProblems(Path.of("src/main/java"))).isEmpty();
    }

    @Test
    void plantedPackages_withoutPackageInfo_andInternalClaimingApi_areFound() throws Exception {
        Path fixture = Path.of(ModuleDescriptorTest.class.getResource("/package-info-fixture")
                .toURI());
        assertThat(packageInfoProblems(fixture)).containsExactly(
                "org.example.lib.api has no package-info.java",
                "org.example.lib.internal.parts's package-info.java does not open with 'Not API.'");
    }

    @Test
    void publicTypesOfTheApi_stayUnderTheCeiling() {
        Set<String> api = coreDescriptor().exports().stream()
                .filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        TreeMap<String, TreeSet<String>> byPackage = new TreeMap<>();
        for (JavaClass c : MAIN) {
            if (api.contains(c.getPackageName()) && c.isTopLevelClass()
                    && c.getModifiers().contains(JavaModifier.PUBLIC)
                    && !c.getSimpleName().equals("package-info")) {
                byPackage.computeIfAbsent(c.getPackageName(), k -> new TreeSet<>())
                        .add(c.getSimpleName());
            }
        }
        int count = byPackage.values().stream().mapToInt(Set::size).sum();
        System.out.println("public types in core's API: " + count);
        byPackage.forEach((p, types) -> System.out.println("  " + p + " (" + types.size() + "): "
                + String.join(", ", types)));
        assertThat(count).as("public top-level types in the exported packages %s", byPackage)
                .isLessThanOrEqualTo(PUBLIC_TYPES_CEILING);
    }
}
