package org.helpdesktriage.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * No API signature names an internal type: a public or protected member (field, constructor,
 * method) of a type an embedder can reach in an API package, and that type's supertypes, mention
 * no type of a package with an {@code internal} segment, not even as a type argument or in a
 * throws clause. The compiler's {@code exports} lint warns about the same in core's own build;
 * this test fails the build.
 */
class ApiSignaturesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.helpdesktriage.core");

    private static boolean isInternal(String packageName) {
        return ("." + packageName + ".").contains(".internal.");
    }

    // public, and nested only in public types
    private static boolean reachable(JavaClass c) {
        Optional<JavaClass> t = Optional.of(c);
        while (t.isPresent()) {
            if (!t.get().getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
            t = t.get().getEnclosingClass();
        }
        return true;
    }

    private static boolean visible(JavaMember m) {
        return m.getModifiers().contains(JavaModifier.PUBLIC)
                || m.getModifiers().contains(JavaModifier.PROTECTED);
    }

    /** Returns each API signature among {@code classes} that names an internal type. */
    static SortedSet<String> leaks(JavaClasses classes) {
        SortedSet<String> leaks = new TreeSet<>();
        for (JavaClass c : classes) {
            if (isInternal(c.getPackageName()) || !reachable(c)) {
                continue;
            }
            List<JavaType> supertypes = new ArrayList<>(c.getInterfaces());
            c.getSuperclass().ifPresent(supertypes::add);
            check(c.getName() + " (supertypes)", supertypes, leaks);
            for (JavaField f : c.getFields()) {
                if (visible(f)) {
                    check(f.getFullName(), List.of(f.getType()), leaks);
                }
            }
            for (JavaCodeUnit u : c.getCodeUnits()) {
                if (visible(u)) {
                    List<JavaType> types = new ArrayList<>(u.getParameterTypes());
                    types.add(u.getReturnType());
                    u.getThrowsClause().getTypes().forEach(types::add);
                    check(u.getFullName(), types, leaks);
                }
            }
        }
        return leaks;
    }

    private static void check(String where, List<? extends JavaType> types,
            SortedSet<String> leaks) {
        for (JavaType t : types) {
            for (JavaClass raw : t.getAllInvolvedRawTypes()) {
                if (isInternal(raw.getPackageName())) {
                    leaks.add(where + " names " + raw.getName());
                }
            }
        }
    }

    @Test
    void apiSignatures_nameNoInternalType() {
        assertThat(leaks(MAIN)).isEmpty();
    }

    @Test
    void plantedLeaks_areFound_andNonPublicMembersAndTypesAreNot() {
        JavaClasses planted = new ClassFileImporter()
                .importPackages("org.helpdesktriage.archfixture.leak");
        String api = "org.helpdesktriage.archfixture.leak.api.Leaky";
        String hidden = " names org.helpdesktriage.archfixture.leak.internal.Hidden";
        assertThat(leaks(planted)).containsExactly(
                api + "$Nested.nestedReturned()" + hidden,
                api + ".<init>(" + "org.helpdesktriage.archfixture.leak.internal.Hidden)"
                        + hidden,
                api + ".field" + hidden,
                api + ".returned()" + hidden,
                api + ".taken(java.util.List)" + hidden);
    }
}
