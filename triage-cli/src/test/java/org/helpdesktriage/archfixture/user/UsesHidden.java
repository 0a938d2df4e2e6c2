package org.helpdesktriage.archfixture.user;

import org.helpdesktriage.archfixture.lib.internal.Hidden;

/** A planted class of another package that uses an internal one, for InternalPackagesTest. */
public final class UsesHidden {

    /** Calls the internal class. */
    public static int call() {
        return Hidden.value();
    }
}
