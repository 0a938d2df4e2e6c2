package org.helpdesktriage.archfixture.cycle.b;

import org.helpdesktriage.archfixture.cycle.a.Upstream;

/** The other half of the planted cycle: b depends back on a. */
public final class Downstream {

    /** Returns an upstream object, so that b depends on a. */
    public Upstream back() {
        return new Upstream();
    }
}
