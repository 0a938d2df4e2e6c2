package org.helpdesktriage.store.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The store's schema and its version, kept by Flyway in {@value #HISTORY_TABLE}: migrations
 * {@code V1__...sql} and up under {@value #LOCATION}, never edited once released.
 */
final class Schema {

    /** The schema version this program writes and understands. */
    static final int CURRENT = 3;

    /** Flyway's history table; named for the program, so it cannot clash with an application's. */
    static final String HISTORY_TABLE = "helpdesk_triage_schema_history";

    static final String LOCATION = "classpath:org/helpdesktriage/store/postgres/migration";

    private Schema() {
    }

    /**
     * Returns the version of the schema in the database: empty when there is no schema (no
     * history table, or no successful migration in it).
     */
    static Optional<Integer> version(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT to_regclass('" + HISTORY_TABLE
                    + "') IS NOT NULL")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return Optional.empty();
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT max(version::integer) FROM "
                    + HISTORY_TABLE + " WHERE success AND version IS NOT NULL")) {
                rs.next();
                int v = rs.getInt(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(v);
            }
        }
    }

    /** Creates or upgrades the schema to {@link #CURRENT}; returns how many migrations ran. */
    static int migrate(DataSource ds) {
        MigrateResult result = flyway(ds).migrate();
        return result.migrationsExecuted;
    }

    static Flyway flyway(DataSource ds) {
        return Flyway.configure(Schema.class.getClassLoader())
                .dataSource(ds)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .target(String.valueOf(CURRENT))
                .load();
    }
}
