package org.helpdesktriage.core;

import java.util.ArrayList;
import java.util.Optional;
import java.util.TreeMap;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.core.store.TicketStore;

/** A ticket store in a sorted map, for tests of the core that need somewhere to save. */
public final class TestStore implements TicketStore {

    private final TreeMap<String, Ticket> tickets = new TreeMap<>();

    @Override
    public synchronized void save(Ticket ticket) {
        tickets.put(ticket.ticketId(), ticket);
    }

    @Override
    public synchronized Optional<Ticket> get(String ticketId) {
        return Optional.ofNullable(tickets.get(ticketId));
    }

    @Override
    public synchronized boolean delete(String ticketId) {
        return tickets.remove(ticketId) != null;
    }

    @Override
    public synchronized StoreScan scan() {
        return new StoreScan(new ArrayList<>(tickets.values()), java.util.List.of());
    }

    @Override
    public synchronized void clear() {
        tickets.clear();
    }
}
