package org.helpdesktriage.archfixture.lib.internal;

/** A planted internal class, for InternalPackagesTest. */
public final class Hidden {

    /** Returns a value, so that a user has something to call. */
    public static int value() {
        return 1;
    }
}
