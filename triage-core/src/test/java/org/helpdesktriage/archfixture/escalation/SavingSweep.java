package org.helpdesktriage.archfixture.escalation;

import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.TicketStore;

/** A planted escalation that saves what it decides, for ArchitectureTest: the rule must find it. */
public final class SavingSweep {

    /** Saves the escalated ticket, which only the storing side may do. */
    public void escalate(TicketStore store, Ticket escalated) {
        store.save(escalated);
    }
}
