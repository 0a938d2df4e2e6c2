package org.helpdesktriage.core.store;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Records who did what to which ticket, and answers questions about it.
 *
 * <p>The data directory keeps a file-backed log ({@code org.helpdesktriage.store.FileAuditLog});
 * {@link #noop()} records nothing, for runs without a data directory.
 */
public interface AuditLog {

    /** Appends an entry; when this returns, the entry is durable (for a durable log). */
    void append(Entry entry);

    /** Returns the entries that match the query, oldest first. */
    List<Entry> query(Query query);

    /** Returns a log that records nothing and finds nothing. */
    static AuditLog noop() {
        return NoopAuditLog.INSTANCE;
    }

    /** Returns a thread-safe log kept in memory, for tests and short-lived engines. */
    static AuditLog memory() {
        return new AuditLog() {
            private final List<Entry> entries = new ArrayList<>();

            @Override
            public synchronized void append(Entry entry) {
                entries.add(Objects.requireNonNull(entry, "entry"));
            }

            @Override
            public synchronized List<Entry> query(Query query) {
                return query.select(entries);
            }
        };
    }

    /**
     * One audit record: who did what to which ticket, when, and what changed.
     *
     * @param time when it happened
     * @param actor who did it (a user name, or the program for automatic work)
     * @param action what was done ("triage", "escalate", "delete")
     * @param ticketId the ticket it was done to
     * @param changes field name to its old and new value, in order
     * @param runId the batch run it belongs to, or {@code null}
     */
    record Entry(Instant time, String actor, String action, String ticketId,
            Map<String, Change> changes, String runId) {

        /** Checks the arguments and copies the changes, keeping their order. */
        public Entry {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(ticketId, "ticketId");
            Objects.requireNonNull(changes, "changes");
            changes.forEach((k, v) -> Objects.requireNonNull(v, "change of " + k));
            changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
        }

        /** Returns the run id, or empty when the entry belongs to no run. */
        public Optional<String> run() {
            return Optional.ofNullable(runId);
        }

        /**
         * A field's value before and after; either may be {@code null} (field unset, or
         * removed).
         *
         * @param from the old value as text
         * @param to the new value as text
         */
        public record Change(String from, String to) {
        }
    }

    /**
     * Which audit entries to return: every filter that is set must hold; with a limit, only the
     * most recent {@code limit} matching entries are returned (still oldest first).
     *
     * <pre>{@code
     * AuditLog.Query q = AuditLog.Query.all().ticket("TKT-1").since(yesterday).mostRecent(20);
     * }</pre>
     *
     * @param ticketId only entries of this ticket, or {@code null}
     * @param actor only entries by this actor, or {@code null}
     * @param since only entries at or after this time, or {@code null}
     * @param until only entries before this time, or {@code null}
     * @param limit at most this many (the most recent), or 0 for all
     */
    record Query(String ticketId, String actor, Instant since, Instant until, int limit)
            implements Predicate<Entry> {

        /** Checks the limit and the time range. */
        public Query {
            if (limit < 0) {
                throw new IllegalArgumentException("limit " + limit + " is negative");
            }
            if (since != null && until != null && until.isBefore(since)) {
                throw new IllegalArgumentException("time range [" + since + ", " + until
                        + ") ends before it starts");
            }
        }

        /** Returns the query that matches every entry. */
        public static Query all() {
            return new Query(null, null, null, null, 0);
        }

        /** Returns a copy limited to entries of this ticket. */
        public Query ticket(String id) {
            return new Query(Objects.requireNonNull(id, "id"), actor, since, until, limit);
        }

        /** Returns a copy limited to entries by this actor. */
        public Query actor(String name) {
            return new Query(ticketId, Objects.requireNonNull(name, "name"), since, until,
                    limit);
        }

        /** Returns a copy limited to entries at or after {@code time}. */
        public Query since(Instant time) {
            return new Query(ticketId, actor, Objects.requireNonNull(time, "time"), until, limit);
        }

        /** Returns a copy limited to entries before {@code time}. */
        public Query until(Instant time) {
            return new Query(ticketId, actor, since, Objects.requireNonNull(time, "time"), limit);
        }

        /** Returns a copy that keeps only the {@code n} most recent matching entries. */
        public Query mostRecent(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("most recent " + n + ": must be at least 1");
            }
            return new Query(ticketId, actor, since, until, n);
        }

        /** Returns the limit, or empty for all. */
        public Optional<Integer> max() {
            return limit == 0 ? Optional.empty() : Optional.of(limit);
        }

        /** Returns whether the entry passes the filters (the limit aside). */
        @Override
        public boolean test(Entry e) {
            return (ticketId == null || ticketId.equals(e.ticketId()))
                    && (actor == null || actor.equals(e.actor()))
                    && (since == null || !e.time().isBefore(since))
                    && (until == null || e.time().isBefore(until));
        }

        /**
         * Returns the entries, taken in order, that match this query, keeping only the last
         * {@link #limit()} when it is set: what an {@link AuditLog#query} returns.
         */
        public List<Entry> select(Iterable<Entry> entries) {
            Objects.requireNonNull(entries, "entries");
            Deque<Entry> out = new ArrayDeque<>();
            for (Entry e : entries) {
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
}
