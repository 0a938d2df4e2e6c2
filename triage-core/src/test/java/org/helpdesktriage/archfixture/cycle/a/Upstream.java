package org.helpdesktriage.archfixture.cycle.a;

import org.helpdesktriage.archfixture.cycle.b.Downstream;

/** Half of a planted package cycle: the architecture test must find it. */
public final class Upstream {

    /** Returns a downstream object, so that a depends on b. */
    public Downstream next() {
        return new Downstream();
    }
}
