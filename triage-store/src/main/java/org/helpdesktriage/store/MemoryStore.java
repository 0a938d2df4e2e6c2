package org.helpdesktriage.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.core.store.TicketStore;

/**
 * A thread-safe {@link TicketStore} in memory, ordered by id. Tickets are immutable records, so
 * the store hands out the very instances it was given.
 */
public final class MemoryStore implements TicketStore {

    private final ConcurrentSkipListMap<String, Ticket> tickets = new ConcurrentSkipListMap<>();

    /** Creates an empty store. */
    public MemoryStore() {
    }

    @Override
    public void save(Ticket ticket) {
        Objects.requireNonNull(ticket, "ticket");
        tickets.put(ticket.ticketId(), ticket);
    }

    @Override
    public Optional<Ticket> get(String ticketId) {
        Objects.requireNonNull(ticketId, "ticketId");
        return Optional.ofNullable(tickets.get(ticketId));
    }

    @Override
    public boolean delete(String ticketId) {
        Objects.requireNonNull(ticketId, "ticketId");
        return tickets.remove(ticketId) != null;
    }

    @Override
    public StoreScan scan() {
        return new StoreScan(new ArrayList<>(tickets.values()), List.of());
    }

    @Override
    public List<Ticket> list() {
        return List.copyOf(tickets.values());
    }

    @Override
    public long count() {
        return tickets.size();
    }

    @Override
    public void clear() {
        tickets.clear();
    }
}
