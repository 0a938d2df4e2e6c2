package org.helpdesktriage.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.store.LockHolder;
import org.helpdesktriage.store.internal.LockWait;

/**
 * The advisory lock of a PostgreSQL store, as the data directory's lock file is for files, and
 * waited for the same way ({@link LockWait}):
 * {@code pg_advisory_lock} on one key, held by a database session of its own, so the server
 * releases it when the holder's connection ends, however the process dies. Runs (triage,
 * escalate, dead-letter retries) take it shared, so any number run at once; cleanup and restore
 * take it exclusive, so they wait for the runs and the runs wait for them.
 *
 * <p>A holder names itself in the {@code lock_holders} table (pid, host, start time, command:
 * the file lock's {@link LockHolder}), so a refused process says who holds the lock. Rows of
 * sessions that are gone are left-overs, ignored and removed by the next holder.
 */
public final class StoreLock implements AutoCloseable {

    /** The advisory lock key: "HDTR" as a number. */
    static final long KEY = 0x48445452L;

    private final PostgresDatabase db;
    private final Connection connection;
    private final LockHolder holder;
    private final boolean exclusive;

    private StoreLock(PostgresDatabase db, Connection connection, LockHolder holder,
            boolean exclusive) {
        this.db = db;
        this.connection = connection;
        this.holder = holder;
        this.exclusive = exclusive;
    }

    static StoreLock acquire(PostgresDatabase db, String command, boolean exclusive,
            Duration wait, Clock clock) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(clock, "clock");
        if (wait.isNegative()) {
            throw new IllegalArgumentException("wait " + wait + " is negative");
        }
        Connection c = db.connection();
        try {
            c.setAutoCommit(true);
            return LockWait.acquire(db.settings().describe(), wait, () -> {
                if (!tryLock(c, exclusive)) {
                    return Optional.empty();
                }
                LockHolder me = LockHolder.self(clock.instant(), command);
                record(c, me, exclusive);
                return Optional.of(new StoreLock(db, c, me, exclusive));
            }, () -> holders(c));
        } catch (SQLException e) {
            db.evict(c);
            throw db.failure("cannot take the advisory lock", e);
        } catch (RuntimeException e) {
            db.evict(c);
            throw e;
        }
    }

    private static boolean tryLock(Connection c, boolean exclusive) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(exclusive
                ? "SELECT pg_try_advisory_lock(?)" : "SELECT pg_try_advisory_lock_shared(?)")) {
            ps.setLong(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void record(Connection c, LockHolder me, boolean exclusive)
            throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM lock_holders WHERE backend_pid NOT IN "
                    + "(SELECT pid FROM pg_stat_activity)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO lock_holders (backend_pid, "
                + "mode, pid, host, since, command) VALUES (pg_backend_pid(), ?, ?, ?, ?, ?) "
                + "ON CONFLICT (backend_pid) DO UPDATE SET mode = EXCLUDED.mode, "
                + "pid = EXCLUDED.pid, host = EXCLUDED.host, since = EXCLUDED.since, "
                + "command = EXCLUDED.command")) {
            ps.setString(1, exclusive ? "exclusive" : "shared");
            ps.setLong(2, me.pid());
            ps.setString(3, me.host());
            ps.setTimestamp(4, Timestamp.from(me.since()));
            ps.setString(5, me.command());
            ps.executeUpdate();
        }
    }

    /** Returns the live holders of the lock, each as "pid 12 on host h since ... (command x)". */
    static List<String> holders(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT h.pid, h.host, h.since, "
                + "h.command, h.mode FROM pg_locks l JOIN lock_holders h ON h.backend_pid = l.pid "
                + "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 "
                + "AND l.objid = ? AND l.objsubid = 1 ORDER BY h.since, h.pid")) {
            ps.setLong(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LockHolder(rs.getLong(1), rs.getString(2),
                            rs.getTimestamp(3).toInstant(), rs.getString(4)) + " ["
                            + rs.getString(5) + "]");
                }
            }
        }
        return out;
    }

    /** Returns this process's entry in {@code lock_holders}. */
    public LockHolder holder() {
        return holder;
    }

    /** Returns whether this lock is the exclusive one. */
    public boolean exclusive() {
        return exclusive;
    }

    /** Removes this holder's row and releases the lock (by ending its session). */
    @Override
    public void close() {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("DELETE FROM lock_holders WHERE backend_pid = pg_backend_pid()");
            st.execute(exclusive ? "SELECT pg_advisory_unlock(" + KEY + ")"
                    : "SELECT pg_advisory_unlock_shared(" + KEY + ")");
        } catch (SQLException e) {
            // the session ends below, and the server releases the lock with it
        } finally {
            // the session goes with its physical connection, so nothing of the lock can linger
            db.evict(connection);
        }
    }
}
