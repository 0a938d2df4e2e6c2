package org.helpdesktriage.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The library's shape: its packages depend on each other one way only, in the order of the flow
 * (ingest, rules, route, score, escalate, store and output), as docs/architecture.md draws it.
 */
class ArchitectureTest {

    private static final String CORE = "org.helpdesktriage.core";

    /**
     * Core's packages from the bottom up: each may use only those before it. A new package must
     * be placed here, which is the moment to decide what it may depend on.
     */
    static final List<String> ORDER = List.of("error", "model", "text", "io", "ingest", "store",
            "rules", "classify", "scoring", "sla", "escalation", "assign", "route", "duplicates",
            "config", "",
            "output", "job", "evaluate", "lint");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CORE);

    /** Every package of the project its own slice; classes of other libraries are left out. */
    static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            return c.getPackageName().startsWith("org.helpdesktriage.")
                    ? SliceIdentifier.of(c.getPackageName()) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of helpdesk-triage";
        }
    };

    static final ArchRule NO_PACKAGE_CYCLES = SlicesRuleDefinition.slices()
            .assignedFrom(BY_PACKAGE).should().beFreeOfCycles();

    @Test
    void corePackages_formNoCycle() {
        NO_PACKAGE_CYCLES.check(MAIN);
    }

    @Test
    void plantedCycle_isFound() {
        JavaClasses planted = new ClassFileImporter()
                .importPackages("org.helpdesktriage.archfixture.cycle");
        assertThat(planted).hasSize(2);
        assertThatThrownBy(() -> NO_PACKAGE_CYCLES.check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("archfixture.cycle.a")
                .hasMessageContaining("archfixture.cycle.b");
    }

    /**
     * The engine decides and keeps nothing: no class named TriageEngine (nor its nested
     * classes) uses the store package, directly or through another class; {@link StoringStep}
     * does the storing.
     */
    static final ArchRule ENGINE_KNOWS_NO_STORE = ArchRuleDefinition.noClasses()
            .that().haveNameMatching(".*\\.TriageEngine(\\$.*)?")
            .should().transitivelyDependOnClassesThat().resideInAPackage(CORE + ".store..")
            .because("the engine decides; StoringStep saves, audits and tracks SLA state");

    @Test
    void triageEngine_dependsOnNoStore() {
        ENGINE_KNOWS_NO_STORE.check(MAIN);
    }

    @Test
    void plantedStoreUseInAnEngine_isFound() {
        JavaClasses planted = new ClassFileImporter()
                .importPackages("org.helpdesktriage.archfixture.engine");
        assertThat(planted).isNotEmpty();
        assertThatThrownBy(() -> ENGINE_KNOWS_NO_STORE.check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("archfixture.engine.TriageEngine")
                .hasMessageContaining("TicketStore");
    }

    @Test
    void plantedStoreUseThroughAHelper_isFound() {
        JavaClasses planted = new ClassFileImporter()
                .importPackages("org.helpdesktriage.archfixture.indirect");
        assertThat(planted).hasSize(2);
        assertThatThrownBy(() -> ENGINE_KNOWS_NO_STORE.check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("archfixture.indirect.TriageEngine")
                .hasMessageContaining("Saver")
                .hasMessageContaining("TicketStore");
    }

    /**
     * Escalation decides and the storing side stores: nothing in {@code escalationPackage} uses
     * the store package; {@link EscalationSweep} saves and audits what escalation decided.
     */
    static ArchRule decidesWithoutStore(String escalationPackage) {
        return ArchRuleDefinition.noClasses().that().resideInAPackage(escalationPackage + "..")
                .should().dependOnClassesThat().resideInAPackage(CORE + ".store..")
                .because("escalation decides; EscalationSweep, on the storing side, saves");
    }

    @Test
    void escalation_dependsOnNoStore() {
        decidesWithoutStore(CORE + ".escalation").check(MAIN);
    }

    @Test
    void plantedStoreUseInEscalation_isFound() {
        JavaClasses planted = new ClassFileImporter()
                .importPackages("org.helpdesktriage.archfixture.escalation");
        assertThat(planted).hasSize(1);
        assertThatThrownBy(() -> decidesWithoutStore("org.helpdesktriage.archfixture.escalation")
                .check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("SavingSweep")
                .hasMessageContaining("TicketStore");
    }

    @Test
    void corePackages_dependOnlyOnPackagesBelowThem() {
        TreeSet<String> problems = new TreeSet<>();
        for (JavaClass c : MAIN) {
            int from = rank(c.getPackageName(), problems);
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getPackageName();
                if (target.startsWith(CORE) && !target.equals(c.getPackageName())
                        && rank(target, problems) > from) {
                    problems.add(c.getPackageName() + " -> " + target + " (" + c.getSimpleName()
                            + " uses " + d.getTargetClass().getSimpleName() + ")");
                }
            }
        }
        assertThat(problems).as("dependencies that run up the order %s", ORDER).isEmpty();
    }

    @Test
    void core_usesNoLoggingBackendNorTheOtherModules() {
        for (JavaClass c : MAIN) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getPackageName();
                assertThat(target).as("%s uses %s", c.getName(), d.getTargetClass().getName())
                        .doesNotStartWith("ch.qos.logback")
                        .doesNotStartWith("org.helpdesktriage.store")
                        .doesNotStartWith("org.helpdesktriage.cli");
            }
        }
    }

    // an internal package ranks with the package it serves: core.internal.io with core.io
    private static int rank(String packageName, TreeSet<String> problems) {
        String rest = packageName.equals(CORE) ? "" : packageName.substring(CORE.length() + 1);
        if (rest.startsWith("internal.")) {
            rest = rest.substring("internal.".length());
        }
        String top = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        int rank = ORDER.indexOf(top);
        if (rank < 0) {
            problems.add(packageName + " is not placed in ArchitectureTest.ORDER");
            return Integer.MAX_VALUE;
        }
        return rank;
    }
}
