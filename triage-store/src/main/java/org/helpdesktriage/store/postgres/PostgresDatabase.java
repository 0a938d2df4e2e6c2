package org.helpdesktriage.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;

/**
 * The front door to a PostgreSQL store: a HikariCP pool over one database, its tickets, audit
 * log, run records, dead letters and advisory lock. Many processes on many machines may open the
 * same database at once: saves are idempotent upserts per ticket id, escalation sweeps claim
 * tickets with {@code SELECT ... FOR UPDATE SKIP LOCKED}, and maintenance takes the advisory
 * lock ({@link StoreLock}).
 *
 * <pre>{@code
 * try (PostgresDatabase db = PostgresDatabase.open(PostgresSettings.from(config, env), 4)) {
 *     db.tickets().save(ticket);
 *     db.audit().query(AuditLog.Query.all().ticket("TKT-1"));
 * }
 * }</pre>
 *
 * <p>Opening checks the schema and changes nothing: a database without the schema, or with an
 * older or a newer schema than this program's, is refused with one message; only
 * {@link #migrate(PostgresSettings)} creates or upgrades it. Every failure to connect (a wrong
 * URL, a wrong password, a server that is down) is a {@link TriageException} with
 * {@link ErrorCode#STORE_FAILED} naming the host, port and database, never the password.
 */
public final class PostgresDatabase implements AutoCloseable {

    private final PostgresSettings settings;
    private final HikariDataSource pool;
    private final PostgresTicketStore tickets;
    private final PostgresAuditLog audit;
    private final PostgresLedger ledger;

    private PostgresDatabase(PostgresSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
        this.audit = new PostgresAuditLog(this);
        this.tickets = new PostgresTicketStore(this);
        this.ledger = new PostgresLedger(this);
    }

    /**
     * Connects with a pool of at most {@code poolSize} connections and checks that the schema
     * is this program's.
     *
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} when the database cannot be
     *     reached or logged in to, or its schema is missing, older or newer
     */
    public static PostgresDatabase open(PostgresSettings settings, int poolSize) {
        HikariDataSource pool = connect(settings, poolSize);
        try (Connection c = pool.getConnection()) {
            Optional<Integer> version = Schema.version(c);
            if (version.isEmpty()) {
                throw new TriageException(ErrorCode.STORE_FAILED, settings.describe()
                        + " has no helpdesk-triage schema (no table " + Schema.HISTORY_TABLE
                        + "); create it with 'helpdesk-triage migrate --store postgres'; "
                        + "nothing was written");
            }
            checkVersion(settings, version.get());
            if (version.get() < Schema.CURRENT) {
                throw new TriageException(ErrorCode.STORE_FAILED, settings.describe()
                        + " has schema version " + version.get() + "; this program needs "
                        + Schema.CURRENT + ": upgrade it with 'helpdesk-triage migrate --store "
                        + "postgres'; nothing was written");
            }
            return new PostgresDatabase(settings, pool);
        } catch (SQLException e) {
            pool.close();
            throw failure(settings, "cannot read the schema version of", e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Creates the schema in an empty database, or upgrades an older one, with Flyway.
     *
     * @return what was done, as a sentence
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} when the database cannot be
     *     reached, or has a newer schema than this program knows (nothing is changed then)
     */
    public static String migrate(PostgresSettings settings) {
        try (HikariDataSource pool = connect(settings, 2)) {
            Optional<Integer> before;
            try (Connection c = pool.getConnection()) {
                before = Schema.version(c);
            }
            before.ifPresent(v -> checkVersion(settings, v));
            int ran;
            try {
                ran = Schema.migrate(pool);
            } catch (RuntimeException e) {
                throw new TriageException(ErrorCode.STORE_FAILED, "cannot migrate the schema of "
                        + settings.describe() + ": " + settings.redact(e.getMessage()));
            }
            return ran == 0 ? settings.describe() + " already has schema version "
                    + Schema.CURRENT : settings.describe() + ": schema migrated from "
                    + before.map(v -> "version " + v).orElse("nothing") + " to version "
                    + Schema.CURRENT + " (" + ran + " migration(s))";
        } catch (SQLException e) {
            throw failure(settings, "cannot read the schema version of", e);
        }
    }

    private static void checkVersion(PostgresSettings settings, int version) {
        if (version > Schema.CURRENT) {
            throw new TriageException(ErrorCode.STORE_FAILED, settings.describe()
                    + " has schema version " + version + "; this program understands up to "
                    + Schema.CURRENT + "; upgrade helpdesk-triage; nothing was written");
        }
    }

    static HikariDataSource connect(PostgresSettings settings, int poolSize) {
        Objects.requireNonNull(settings, "settings");
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, got " + poolSize);
        }
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("helpdesk-triage");
        hc.setJdbcUrl(settings.url());
        if (settings.user() != null) {
            hc.setUsername(settings.user());
        }
        if (settings.password() != null) {
            hc.setPassword(settings.password());
        }
        hc.setMaximumPoolSize(poolSize);
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(10_000);
        hc.setInitializationFailTimeout(1);
        hc.addDataSourceProperty("connectTimeout", "5");
        hc.addDataSourceProperty("ApplicationName", "helpdesk-triage");
        try {
            return new HikariDataSource(hc);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() instanceof SQLException ? e.getCause() : e;
            throw failure(settings, "cannot connect to", cause);
        }
    }

    /**
     * Builds the one message of a database failure: what failed, where, and the cause's text
     * with the password removed. The cause itself is not attached, so that no stack trace
     * (--verbose) can show a text this did not redact.
     */
    static TriageException failure(PostgresSettings settings, String what, Throwable e) {
        String state = e instanceof SQLException sql && sql.getSQLState() != null
                ? " (SQLSTATE " + sql.getSQLState() + ")" : "";
        return new TriageException(ErrorCode.STORE_FAILED, what + " " + settings.describe()
                + ": " + settings.redact(e.getMessage()) + state);
    }

    // SQLSTATE class 08 is a connection exception; the pool's timeout wraps one, or none when
    // every connection it tried was refused
    private static boolean lost(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (c instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    /** Returns the settings this database was opened with. */
    public PostgresSettings settings() {
        return settings;
    }

    /** Returns the ticket store. */
    public PostgresTicketStore tickets() {
        return tickets;
    }

    /** Returns the audit log. */
    public PostgresAuditLog audit() {
        return audit;
    }

    /**
     * Returns the agent ledger: loads read from the tickets table, last assignments from
     * {@code agent_state}, a board at a time across every process on this database.
     */
    public org.helpdesktriage.core.assign.AgentLedger agentLedger() {
        return ledger;
    }

    /** Returns the run records. */
    public PostgresRunLog runs() {
        return new PostgresRunLog(this);
    }

    /** Returns the dead letters. */
    public PostgresDeadLetters deadLetters() {
        return new PostgresDeadLetters(this);
    }

    /**
     * Takes the store's advisory lock: shared for runs (many at once), exclusive for cleanup
     * and restore, waiting up to {@code wait}.
     *
     * @throws TriageException with {@link ErrorCode#LOCKED} naming the holders when it is
     *     still held after {@code wait}
     */
    public StoreLock lock(String command, boolean exclusive, Duration wait, Clock clock) {
        return StoreLock.acquire(this, command, exclusive, wait, clock);
    }

    /** Returns a pooled connection; the caller closes it. */
    Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw lost(e) ? lostWhile("getting a connection", e)
                    : failure(settings, "cannot get a connection to", e);
        }
    }

    // the database was there when the work began: say so, not just what the driver says
    private TriageException lostWhile(String doing, Throwable e) {
        return new TriageException(ErrorCode.STORE_UNAVAILABLE, "lost the connection to "
                + settings.describe() + " while " + doing + ": the server stopped or the "
                + "network failed");
    }

    /** Closes a connection for good (its session ends) instead of returning it to the pool. */
    void evict(Connection c) {
        pool.evictConnection(c);
    }

    /** Returns a failure of a statement on this database. */
    TriageException failure(String what, SQLException e) {
        if (lost(e)) {
            return lostWhile("trying to " + what.replaceFirst("^cannot ", ""), e);
        }
        return failure(settings, what + " in", e);
    }

    /** Closes the pool. */
    @Override
    public void close() {
        pool.close();
    }
}
