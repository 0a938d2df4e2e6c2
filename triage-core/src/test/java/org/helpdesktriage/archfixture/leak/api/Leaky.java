package org.helpdesktriage.archfixture.leak.api;

import java.util.List;
import java.util.Optional;
import org.helpdesktriage.archfixture.leak.internal.Hidden;

/**
 * Planted: an API type whose public members name an internal type, in each place
 * {@code ApiSignaturesTest} looks, and whose non-public members may.
 */
public class Leaky {

    /** A public field of an internal type. */
    public Hidden field;

    /** A parameter of an internal type. */
    public Leaky(Hidden hidden) {
    }

    /** An internal type as a type argument of the return type. */
    public Optional<Hidden> returned() {
        return Optional.empty();
    }

    /** An internal type as a type argument of a parameter. */
    protected void taken(List<Hidden> hidden) {
    }

    /** A package-private method may name it. */
    Hidden allowed() {
        return null;
    }

    /** A public type nested in the API is API too. */
    public static final class Nested {
        /** An internal return type. */
        public Hidden nestedReturned() {
            return null;
        }
    }

    /** A private nested type is not API. */
    private static final class Private {
        public Hidden notApi() {
            return null;
        }
    }
}
