package org.helpdesktriage.core.store;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;

/**
 * Keeps tickets by id: the memory store and the file store of the data directory implement it.
 *
 * <p>Tickets are listed in id order, so output is deterministic whatever the store. A store never
 * hides a damaged record: {@link #scan()} returns the whole tickets together with the records it
 * could not read, and {@link #list()}, {@link #count()} and {@link #search(Map)} refuse (with a
 * {@link org.helpdesktriage.core.error.TriageException} naming every damaged record) rather than give
 * an answer that silently leaves some out. So {@code list().size() == count()} always.
 *
 * <pre>{@code
 * TicketStore store = new MemoryStore();          // or DataDirectory.open...(...).tickets()
 * store.save(ticket);
 * List<Ticket> open = store.search(Map.of("status", "new", "tags", "vip"));
 * }</pre>
 */
public interface TicketStore {

    /** Saves a ticket, replacing any ticket with the same id. */
    void save(Ticket ticket);

    /**
     * Returns the ticket with this id, or empty when there is none.
     *
     * @throws org.helpdesktriage.core.error.TriageException with {@code STORE_FAILED} naming the record
     *     when the stored record exists but cannot be read
     */
    Optional<Ticket> get(String ticketId);

    /**
     * Returns the stored tickets with these ids, by id; an id with no ticket is left out. A store
     * that can (PostgreSQL) reads them in one query; by default each is read with {@link #get}.
     *
     * @throws org.helpdesktriage.core.error.TriageException with {@code STORE_FAILED} naming the
     *     record when a stored record exists but cannot be read
     */
    default Map<String, Ticket> getAll(Collection<String> ticketIds) {
        java.util.Objects.requireNonNull(ticketIds, "ticketIds");
        Map<String, Ticket> found = new java.util.LinkedHashMap<>();
        for (String id : ticketIds) {
            get(id).ifPresent(t -> found.put(id, t));
        }
        return found;
    }

    /**
     * Returns whether this store wants a batch's writes a chunk at a time, through
     * {@link #saveAll}: a database store, for which one transaction per chunk is far cheaper
     * than one per ticket. By default (the memory and file stores) each ticket is saved the
     * moment it is triaged.
     */
    default boolean savesInChunks() {
        return false;
    }

    /**
     * Saves tickets, each replacing the one with its id, and appends their audit entries to
     * {@code audit}. A store that can does it all in one transaction (the PostgreSQL store does,
     * when {@code audit} is its own log); the default saves each ticket and appends its entry in
     * turn, entry {@code i} after ticket {@code i}, then any entries left over.
     *
     * @param tickets the tickets to save, in the order given
     * @param audit where the entries go
     * @param entries the audit entries of the tickets
     */
    default void saveAll(List<Ticket> tickets, AuditLog audit, List<AuditLog.Entry> entries) {
        java.util.Objects.requireNonNull(tickets, "tickets");
        java.util.Objects.requireNonNull(audit, "audit");
        java.util.Objects.requireNonNull(entries, "entries");
        for (int i = 0; i < tickets.size(); i++) {
            save(tickets.get(i));
            if (i < entries.size()) {
                audit.append(entries.get(i));
            }
        }
        for (int i = tickets.size(); i < entries.size(); i++) {
            audit.append(entries.get(i));
        }
    }

    /** Deletes the ticket with this id; returns whether there was one. */
    boolean delete(String ticketId);

    /** Returns every whole ticket in id order, and every record that could not be read. */
    StoreScan scan();

    /** Deletes every ticket (and every unreadable record). */
    void clear();

    /**
     * Returns every ticket in id order.
     *
     * @throws org.helpdesktriage.core.error.TriageException with {@code STORE_FAILED} naming every
     *     unreadable record when there is any; use {@link #scan()} to get the rest anyway
     */
    default List<Ticket> list() {
        return scan().requireComplete();
    }

    /** Returns every ticket in id order as a stream; refuses as {@link #list()} does. */
    default Stream<Ticket> stream() {
        return list().stream();
    }

    /** Returns how many tickets are stored; refuses as {@link #list()} does. */
    default long count() {
        return list().size();
    }

    /**
     * Returns the tickets, in id order, whose fields equal every given value; refuses as
     * {@link #list()} does. See {@link TicketCriteria} for the fields and how they compare.
     *
     * @throws IllegalArgumentException naming the field when a criterion names an unknown field
     */
    default List<Ticket> search(Map<String, String> criteria) {
        TicketCriteria match = TicketCriteria.of(criteria);
        return list().stream().filter(match).toList();
    }

    /**
     * Matches tickets against field criteria: every {@code field=value} must hold.
     *
     * <p>Fields: {@code ticket_id}, {@code title}, {@code category}, {@code priority},
     * {@code status}, {@code assigned_to}, {@code requester_email} compare for equality;
     * {@code tags} holds when the ticket has that tag. Priority and status compare by their parsed
     * value and category and e-mail ignore case; the others are exact. An empty value for
     * {@code assigned_to} matches unassigned tickets.
     */
    public final class TicketCriteria implements Predicate<Ticket> {

        /** The fields criteria may name. */
        public static final List<String> FIELDS = List.of("ticket_id", "title", "category",
                "priority", "status", "assigned_to", "requester_email", "tags");

        private final Map<String, String> criteria;

        private TicketCriteria(Map<String, String> criteria) {
            this.criteria = criteria;
        }

        /**
         * Returns a matcher for these criteria; no criteria match every ticket.
         *
         * @throws IllegalArgumentException naming the field when a field is unknown, or a priority
         *     or status value names none
         */
        public static TicketCriteria of(Map<String, String> criteria) {
            Objects.requireNonNull(criteria, "criteria");
            Map<String, String> copy = new LinkedHashMap<>();
            criteria.forEach((field, value) -> {
                String key = field.trim().toLowerCase(Locale.ROOT);
                if (!FIELDS.contains(key)) {
                    throw new IllegalArgumentException("cannot search by field '" + field
                            + "'; the fields are " + FIELDS);
                }
                Objects.requireNonNull(value, "value of " + field);
                if (key.equals("priority") && Priority.parse(value).isEmpty()) {
                    throw new IllegalArgumentException("priority '" + value + "' is not one of "
                            + List.of(Priority.values()));
                }
                if (key.equals("status") && Status.parse(value).isEmpty()) {
                    throw new IllegalArgumentException("status '" + value + "' is not one of "
                            + List.of(Status.values()));
                }
                copy.put(key, value);
            });
            return new TicketCriteria(Map.copyOf(copy));
        }

        @Override
        public boolean test(Ticket t) {
            for (Map.Entry<String, String> c : criteria.entrySet()) {
                if (!matches(t, c.getKey(), c.getValue())) {
                    return false;
                }
            }
            return true;
        }

        private static boolean matches(Ticket t, String field, String value) {
            switch (field) {
                case "ticket_id":
                    return t.ticketId().equals(value);
                case "title":
                    return t.title().equals(value);
                case "category":
                    return t.category().equalsIgnoreCase(value.trim());
                case "priority":
                    return Priority.parse(value).orElseThrow() == t.priority();
                case "status":
                    return Status.parse(value).orElseThrow() == t.status();
                case "assigned_to":
                    return value.isEmpty() ? t.assignedTo() == null : value.equals(t.assignedTo());
                case "requester_email":
                    return t.requesterEmail().equalsIgnoreCase(value.trim());
                case "tags":
                    return t.tags().contains(value);
                default:
                    throw new IllegalStateException("unknown field " + field);
            }
        }

        @Override
        public String toString() {
            return "TicketCriteria" + criteria;
        }
    }
}
