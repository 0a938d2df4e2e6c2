package org.helpdesktriage.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.store.HealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad settings and bad databases: one clear message naming host, port and database, code
 * STORE_FAILED (exit 6), nothing written, and never the password.
 */
@ExtendWith(PostgresExtension.class)
class PostgresFailuresTest {

    private static void refused(Runnable open, String... parts) {
        assertThatThrownBy(open::run).isInstanceOf(TriageException.class)
                .satisfies(e -> {
                    assertThat(((TriageException) e).code()).isEqualTo(ErrorCode.STORE_FAILED);
                    assertThat(e.getMessage()).doesNotContain(TestPostgres.PASSWORD);
                    assertThat(e.getCause()).isNull();
                })
                .hasMessageContainingAll(parts);
    }

    @Test
    void wrongPassword_isOneMessageNamingTheDatabase_withoutThePassword(TestPostgres pg) {
        String name = pg.newDatabase();
        PostgresSettings wrong = new PostgresSettings(pg.url(name), TestPostgres.USER,
                TestPostgres.PASSWORD + "x");
        refused(() -> PostgresDatabase.open(wrong, 2), "cannot connect to database " + name
                + " on 127.0.0.1:" + pg.port(), "password authentication failed");
        assertThat(wrong.toString()).doesNotContain(TestPostgres.PASSWORD);
    }

    @Test
    void serverDown_isOneMessageNamingHostAndPort(TestPostgres pg) throws Exception {
        int closed;
        try (var s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        PostgresSettings down = new PostgresSettings("jdbc:postgresql://127.0.0.1:" + closed
                + "/helpdesk", TestPostgres.USER, TestPostgres.PASSWORD);
        refused(() -> PostgresDatabase.open(down, 2), "database helpdesk on 127.0.0.1:"
                + closed);
        List<HealthCheck> health = PostgresHealth.check(down);
        assertThat(health).singleElement().satisfies(h -> {
            assertThat(h.ok()).isFalse();
            assertThat(h.detail()).contains("127.0.0.1:" + closed).contains("helpdesk")
                    .doesNotContain(TestPostgres.PASSWORD);
        });
    }

    @Test
    void notAJdbcUrl_isRefusedWithoutEchoingIt() {
        refused(() -> new PostgresSettings("postgres://u:" + TestPostgres.PASSWORD + "@h/db",
                "u", null), "must be a PostgreSQL JDBC URL");
    }

    @Test
    void passwordInTheUrl_isRedactedFromMessages(TestPostgres pg) {
        String name = pg.newDatabase();
        PostgresSettings s = new PostgresSettings(pg.url(name) + "?password="
                + TestPostgres.PASSWORD + "x", TestPostgres.USER, null);
        refused(() -> PostgresDatabase.open(s, 2), "database " + name);
        assertThat(s.redact("url " + s.url())).doesNotContain(TestPostgres.PASSWORD);
    }

    @Test
    void databaseWithoutSchema_isRefused_andNothingIsCreated(TestPostgres pg) {
        String name = pg.newDatabase();
        refused(() -> PostgresDatabase.open(pg.settings(name), 2), "has no helpdesk-triage "
                + "schema", "helpdesk-triage migrate");
        assertThat(PostgresHealth.check(pg.settings(name))).filteredOn(h -> !h.ok())
                .extracting(HealthCheck::name).containsExactly("schema version");
        // open created nothing: migrate still finds an empty database
        assertThat(PostgresDatabase.migrate(pg.settings(name))).contains("from nothing");
    }

    @Test
    void newerSchema_isRefusedByOpenAndMigrate(TestPostgres pg) {
        String name = pg.newDatabase();
        PostgresDatabase.migrate(pg.settings(name));
        pg.sql(name, "INSERT INTO " + Schema.HISTORY_TABLE + " (installed_rank, version, "
                + "description, type, script, checksum, installed_by, execution_time, success)"
                + " VALUES (4, '4', 'future', 'SQL', 'V4__future.sql', 0, 'x', 0, true)");
        refused(() -> PostgresDatabase.open(pg.settings(name), 2), "schema version 4",
                "understands up to 3", "upgrade helpdesk-triage");
        refused(() -> PostgresDatabase.migrate(pg.settings(name)), "schema version 4");
    }

    @Test
    void settingsFromConfiguration_readThePasswordFile_andNeverPrintIt(@TempDir Path dir)
            throws Exception {
        Path secret = dir.resolve("db-password");
        Files.writeString(secret, TestPostgres.PASSWORD + "\n");
        TriageConfig config = ConfigLoader.load(java.util.Optional.empty(), Map.of(
                "HELPDESK_STORE_URL", "jdbc:postgresql://db.example:5433/helpdesk",
                "HELPDESK_DB_PASSWORD_FILE", secret.toString()), Map.of());
        PostgresSettings s = PostgresSettings.from(config, Map.of("HELPDESK_DB_USER", "app"));
        assertThat(s.password()).isEqualTo(TestPostgres.PASSWORD);
        assertThat(s.user()).isEqualTo("app");
        assertThat(s.describe()).isEqualTo("database helpdesk on db.example:5433");
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        new PrintStream(shown, true, StandardCharsets.UTF_8).println(s + " " + config);
        assertThat(shown.toString(StandardCharsets.UTF_8)).doesNotContain(TestPostgres.PASSWORD);
        assertThat(ConfigLoader.canonicalJson(config)).doesNotContain("db-password");
        PostgresSettings env = PostgresSettings.from(config,
                Map.of("HELPDESK_DB_PASSWORD", "from-env"));
        assertThat(env.password()).isEqualTo("from-env");
    }
}
