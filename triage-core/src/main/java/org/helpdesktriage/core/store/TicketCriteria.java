package org.helpdesktriage.core.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;

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
