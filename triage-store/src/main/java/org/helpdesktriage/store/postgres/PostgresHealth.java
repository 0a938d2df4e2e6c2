package org.helpdesktriage.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.store.HealthCheck;

/**
 * Checks a PostgreSQL store the way an operator would: the server answers and takes the login,
 * the schema is this program's version, the pool hands out connections, who holds the advisory
 * lock, and the stored tickets. Reading only; every failure names the host, port and database,
 * never the password.
 *
 * <pre>{@code
 * List<HealthCheck> checks = PostgresHealth.check(settings);
 * }</pre>
 */
public final class PostgresHealth {

    private PostgresHealth() {
    }

    /** Runs every check; when the database cannot be reached, that is the only check. */
    public static List<HealthCheck> check(PostgresSettings settings) {
        List<HealthCheck> checks = new ArrayList<>();
        HikariDataSource pool;
        try {
            pool = PostgresDatabase.connect(settings, 2);
        } catch (TriageException e) {
            checks.add(new HealthCheck("database", false, e.getMessage()));
            return checks;
        }
        try (pool; Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            String server;
            try (ResultSet rs = st.executeQuery("SHOW server_version")) {
                rs.next();
                server = rs.getString(1);
            }
            checks.add(new HealthCheck("database", true, "connected to " + settings.describe()
                    + " (PostgreSQL " + server + ")"));
            Optional<Integer> version = Schema.version(c);
            boolean schemaOk = version.isPresent() && version.get() == Schema.CURRENT;
            checks.add(new HealthCheck("schema version", schemaOk, version.isEmpty()
                    ? "no helpdesk-triage schema; run 'helpdesk-triage migrate --store postgres'"
                    : version.get() == Schema.CURRENT ? "version " + version.get()
                    : "version " + version.get() + "; this program needs " + Schema.CURRENT
                            + (version.get() > Schema.CURRENT ? ": upgrade helpdesk-triage"
                                    : ": run 'helpdesk-triage migrate --store postgres'")));
            var mx = pool.getHikariPoolMXBean();
            checks.add(new HealthCheck("pool", true, mx.getActiveConnections() + " active, "
                    + mx.getIdleConnections() + " idle, " + mx.getTotalConnections()
                    + " total of at most " + pool.getMaximumPoolSize()));
            if (!schemaOk) {
                return checks;
            }
            List<String> holders = StoreLock.holders(c);
            checks.add(new HealthCheck("lock", true, holders.isEmpty() ? "free"
                    : "held by " + String.join("; ", holders)));
            long tickets = count(st, "SELECT count(*) FROM tickets");
            long foreign = count(st, "SELECT count(*) FROM tickets "
                    + "WHERE body->>'ticket_id' IS DISTINCT FROM ticket_id");
            checks.add(new HealthCheck("tickets", foreign == 0, foreign == 0
                    ? tickets + " ticket(s)" : foreign + " of " + tickets + " row(s) hold "
                            + "another ticket id than their key"));
            checks.add(new HealthCheck("audit log", true,
                    count(st, "SELECT count(*) FROM audit_log") + " entries"));
        } catch (SQLException e) {
            checks.add(new HealthCheck("database", false, PostgresDatabase.failure(settings,
                    "cannot check", e).getMessage()));
        }
        return checks;
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
