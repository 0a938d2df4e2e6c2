package org.helpdesktriage.archfixture.user;

import org.helpdesktriage.core.internal.evaluate.LabelledData;
import org.helpdesktriage.core.internal.io.AtomicOutput;

/**
 * Planted for InternalPackagesTest, taken as a class of the store: core exports internal.io to
 * the store, so the first use is allowed; internal.evaluate only to the command line, so the
 * second is not.
 */
public final class UsesCoreInternals {

    private UsesCoreInternals() {
    }

    /** Uses an internal package exported to the store. */
    public static Class<?> allowed() {
        return AtomicOutput.class;
    }

    /** Uses an internal package exported to the command line only. */
    public static Class<?> forbidden() {
        return LabelledData.class;
    }
}
