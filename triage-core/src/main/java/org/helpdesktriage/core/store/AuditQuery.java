package org.helpdesktriage.core.store;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which audit entries to return: every filter that is set must hold; with a limit, only the most
 * recent {@code limit} matching entries are returned (still oldest first).
 *
 * <pre>{@code
 * AuditQuery q = AuditQuery.all().ticket("TKT-1").since(yesterday).mostRecent(20);
 * }</pre>
 *
 * @param ticketId only entries of this ticket, or {@code null}
 * @param actor only entries by this actor, or {@code null}
 * @param since only entries at or after this time, or {@code null}
 * @param until only entries before this time, or {@code null}
 * @param limit at most this many (the most recent), or 0 for all
 */
public record AuditQuery(String ticketId, String actor, Instant since, Instant until, int limit)
        implements Predicate<AuditEntry> {

    /** Checks the limit and the time range. */
    public AuditQuery {
        if (limit < 0) {
            throw new IllegalArgumentException("limit " + limit + " is negative");
        }
        if (since != null && until != null && until.isBefore(since)) {
            throw new IllegalArgumentException("time range [" + since + ", " + until
                    + ") ends before it starts");
        }
    }

    /** Returns the query that matches every entry. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, 0);
    }

    /** Returns a copy limited to entries of this ticket. */
    public AuditQuery ticket(String id) {
        return new AuditQuery(Objects.requireNonNull(id, "id"), actor, since, until, limit);
    }

    /** Returns a copy limited to entries by this actor. */
    public AuditQuery actor(String name) {
        return new AuditQuery(ticketId, Objects.requireNonNull(name, "name"), since, until, limit);
    }

    /** Returns a copy limited to entries at or after {@code time}. */
    public AuditQuery since(Instant time) {
        return new AuditQuery(ticketId, actor, Objects.requireNonNull(time, "time"), until, limit);
    }

    /** Returns a copy limited to entries before {@code time}. */
    public AuditQuery until(Instant time) {
        return new AuditQuery(ticketId, actor, since, Objects.requireNonNull(time, "time"), limit);
    }

    /** Returns a copy that keeps only the {@code n} most recent matching entries. */
    public AuditQuery mostRecent(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("most recent " + n + ": must be at least 1");
        }
        return new AuditQuery(ticketId, actor, since, until, n);
    }

    /** Returns the limit, or empty for all. */
    public Optional<Integer> max() {
        return limit == 0 ? Optional.empty() : Optional.of(limit);
    }

    /** Returns whether the entry passes the filters (the limit aside). */
    @Override
    public boolean test(AuditEntry e) {
        return (ticketId == null || ticketId.equals(e.ticketId()))
                && (actor == null || actor.equals(e.actor()))
                && (since == null || !e.time().isBefore(since))
                && (until == null || e.time().isBefore(until));
    }

    /**
     * Returns the entries, taken in order, that match this query, keeping only the last
     * {@link #limit()} when it is set: what an {@link AuditLog#query} returns.
     */
    public List<AuditEntry> select(Iterable<AuditEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        Deque<AuditEntry> out = new ArrayDeque<>();
        for (AuditEntry e : entries) {
            if (test(e)) {
                out.add(e);
                if (limit > 0 && out.size() > limit) {
                    out.removeFirst();
                }
            }
        }
        return List.copyOf(out);
    }
}
