package org.helpdesktriage.store.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.helpdesktriage.core.assign.AgentLedger;
import org.helpdesktriage.core.assign.AssignmentSettings;
import org.helpdesktriage.core.model.Status;

/**
 * The PostgreSQL store's agent ledger. A board holds an advisory lock of its own
 * ({@code pg_advisory_lock}, key {@link #KEY}) on a connection of its own from open to close, so
 * that processes assigning at once take turns chunk by chunk: open takes the lock, then reads
 * the loads from the committed tickets ({@code metadata.assignee} in a load status, through the
 * index {@code tickets_assignee}) and the last assignments from {@code agent_state}; the storing
 * step assigns the chunk and saves it in its own transaction; {@link Board#commit()} upserts the
 * last assignments; close releases the lock. Two processes therefore never push an agent over
 * capacity. The lock is a session lock: a process that dies loses it with its connection.
 */
final class PostgresLedger implements AgentLedger {

    /** The advisory lock key of assignment: "HDTA" as a number (the store's lock is "HDTR"). */
    static final long KEY = 0x48445441L;

    static final String ASSIGNEE = "((body -> 'metadata') ->> 'assignee')";

    private final PostgresDatabase db;

    PostgresLedger(PostgresDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Board open(AssignmentSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Connection c = db.connection();
        boolean locked = false;
        try {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
                ps.setLong(1, KEY);
                ps.execute();
            }
            locked = true;
            return new PgBoard(c, loads(c, settings), lastAssigned(c));
        } catch (SQLException e) {
            db.evict(c);
            throw db.failure("cannot open the agent ledger", e);
        } catch (RuntimeException e) {
            if (locked) {
                db.evict(c);
            }
            throw e;
        }
    }

    static Map<String, Integer> loads(Connection c, AssignmentSettings settings)
            throws SQLException {
        Map<String, Integer> loads = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ASSIGNEE + ", count(*) "
                + "FROM tickets WHERE " + ASSIGNEE + " IS NOT NULL AND status = ANY(?) "
                + "GROUP BY 1")) {
            Array statuses = c.createArrayOf("text", settings.loadStatuses().stream()
                    .map(Status::id).toArray());
            ps.setArray(1, statuses);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    loads.merge(rs.getString(1).trim(), rs.getInt(2), Integer::sum);
                }
            }
        }
        return loads;
    }

    static Map<String, Instant> lastAssigned(Connection c) throws SQLException {
        Map<String, Instant> last = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT agent_id, last_assigned_at FROM agent_state");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                last.put(rs.getString(1), rs.getTimestamp(2).toInstant());
            }
        }
        return last;
    }

    private final class PgBoard implements Board {
        private final Connection c;
        private final Map<String, Integer> loads;
        private final Map<String, Instant> last;
        private final Map<String, Instant> changed = new LinkedHashMap<>();
        private boolean closed;

        PgBoard(Connection c, Map<String, Integer> loads, Map<String, Instant> last) {
            this.c = c;
            this.loads = loads;
            this.last = last;
        }

        @Override
        public int load(String agentId) {
            return loads.getOrDefault(agentId, 0);
        }

        @Override
        public Instant lastAssigned(String agentId) {
            return last.get(agentId);
        }

        @Override
        public void took(String agentId, String ticketId) {
            loads.merge(agentId, 1, Integer::sum);
        }

        @Override
        public void released(String agentId, String ticketId) {
            loads.computeIfPresent(agentId, (a, n) -> n > 1 ? n - 1 : null);
        }

        @Override
        public void assigned(String agentId, Instant at) {
            // timestamptz keeps microseconds: round up, so that the order survives storing
            Instant micros = at.truncatedTo(ChronoUnit.MICROS);
            Instant stored = micros.equals(at) ? at : micros.plus(1, ChronoUnit.MICROS);
            Instant before = last.get(agentId);
            if (before == null || stored.isAfter(before)) {
                last.put(agentId, stored);
                changed.put(agentId, stored);
            }
        }

        @Override
        public void commit() {
            if (changed.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO agent_state (agent_id, "
                    + "last_assigned_at) SELECT * FROM unnest(?::text[], ?::timestamptz[]) "
                    + "ON CONFLICT (agent_id) DO UPDATE SET last_assigned_at = GREATEST("
                    + "agent_state.last_assigned_at, EXCLUDED.last_assigned_at)")) {
                ps.setArray(1, c.createArrayOf("text", changed.keySet().toArray()));
                ps.setArray(2, c.createArrayOf("timestamptz", changed.values().stream()
                        .map(Timestamp::from).toArray()));
                ps.executeUpdate();
                changed.clear();
            } catch (SQLException e) {
                throw db.failure("cannot record the agents' last assignments", e);
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                ps.setLong(1, KEY);
                ps.execute();
                c.close();
            } catch (SQLException e) {
                // ending the session releases the lock whatever happened
                db.evict(c);
            }
        }
    }
}
