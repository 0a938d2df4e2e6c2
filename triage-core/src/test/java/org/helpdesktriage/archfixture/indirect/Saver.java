package org.helpdesktriage.archfixture.indirect;

import java.util.Optional;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.TicketStore;

/** The planted engine's helper, which reads a store. */
public final class Saver {

    /** Reads a ticket from the store. */
    public Optional<Ticket> read(TicketStore store, String id) {
        return store.get(id);
    }
}
