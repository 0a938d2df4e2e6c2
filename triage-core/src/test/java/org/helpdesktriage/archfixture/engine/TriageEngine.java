package org.helpdesktriage.archfixture.engine;

import org.helpdesktriage.core.store.TicketStore;

/** A planted engine that saves what it decides, for ArchitectureTest: the rule must find it. */
public final class TriageEngine {

    private final TicketStore store;

    /** Keeps the store. */
    public TriageEngine(TicketStore store) {
        this.store = store;
    }

    /** Returns the store it would save to. */
    public TicketStore store() {
        return store;
    }
}
