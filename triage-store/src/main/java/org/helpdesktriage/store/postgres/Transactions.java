package org.helpdesktriage.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in one transaction, retrying it when PostgreSQL chose it as a deadlock victim or
 * failed it for serialization: with many writers on overlapping ticket ids both can happen, and
 * the work is idempotent, so running it again is safe.
 */
final class Transactions {

    static final int ATTEMPTS = 5;

    /** The work of one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Transactions() {
    }

    static <T> T run(PostgresDatabase db, String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = db.connection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollback(c);
                    throw e;
                }
            } catch (SQLException e) {
                if (!retryable(e) || attempt == ATTEMPTS) {
                    throw db.failure(what, e);
                }
            }
        }
    }

    /**
     * Runs work in one transaction, without retrying: for work whose effects outside the
     * database (a claim's escalations reported to the sweep) must happen once.
     */
    static <T> T once(PostgresDatabase db, String what, Work<T> work) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c);
                throw e;
            }
        } catch (SQLException e) {
            throw db.failure(what, e);
        }
    }

    static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        return "40P01".equals(state) || "40001".equals(state);
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool drops it, and the first failure is the one told
        }
    }
}
