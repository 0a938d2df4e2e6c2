package org.helpdesktriage.store.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.helpdesktriage.core.config.ModuleSettings;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

/**
 * Where the PostgreSQL store is and how to log in: a JDBC URL, a user and a password.
 *
 * <p>The password is never printed: {@link #toString()} and {@link #describe()} name only the
 * host, port and database, and {@link #redact(String)} removes the password from any text before
 * it reaches a message. The URL itself is never shown either, since it may carry a password
 * parameter.
 *
 * <pre>{@code
 * PostgresSettings settings = PostgresSettings.from(config, System.getenv());
 * try (PostgresDatabase db = PostgresDatabase.open(settings)) { ... }
 * }</pre>
 *
 * @param url the JDBC URL ({@code jdbc:postgresql://host:port/database})
 * @param user the user, or {@code null} to take it from the URL or the driver's default
 * @param password the password, or {@code null} to take it from the URL or none
 */
public record PostgresSettings(String url, String user, String password) {

    /** The environment variable naming the user. */
    public static final String USER_VARIABLE = "HELPDESK_DB_USER";

    /** The environment variable holding the password. */
    public static final String PASSWORD_VARIABLE = "HELPDESK_DB_PASSWORD";

    /** Checks the URL. */
    public PostgresSettings {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:postgresql:")) {
            // not echoed: a mistyped URL may still carry a password
            throw new TriageException(ErrorCode.STORE_FAILED, "store_url must be a PostgreSQL "
                    + "JDBC URL (jdbc:postgresql://host:port/database); the one given does not "
                    + "start with jdbc:postgresql:");
        }
    }

    /**
     * Returns the settings of a configuration and an environment: {@code store_url} (or
     * {@code HELPDESK_STORE_URL}, already layered into the configuration), {@code HELPDESK_DB_USER},
     * and the password from {@code HELPDESK_DB_PASSWORD} or, when that is not set, from the file
     * {@code db_password_file} names (its first line).
     *
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} when no URL is set or the
     *     password file cannot be read
     */
    public static PostgresSettings from(TriageConfig config, Map<String, String> environment) {
        Objects.requireNonNull(config, "config");
        // the store's keys, which the core carries for it (the provider's StoreSettings reads
        // the same; this package may not use the provider's)
        ModuleSettings own = config.moduleSettings();
        return of(own.value("store_url"), own.value("db_password_file")
                .filter(f -> !f.isBlank()).map(Path::of), environment);
    }

    /**
     * Returns the settings of a URL ({@code store_url}), a password file
     * ({@code db_password_file}) and an environment, as {@link #from} does.
     *
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} when no URL is set or the
     *     password file cannot be read
     */
    public static PostgresSettings of(Optional<String> storeUrl, Optional<Path> passwordFile,
            Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        String url = storeUrl.filter(u -> !u.isBlank()).orElseThrow(() -> new TriageException(
                ErrorCode.STORE_FAILED, "store_type postgres needs a database: set store_url in "
                        + "the configuration or HELPDESK_STORE_URL to a JDBC URL such as "
                        + "jdbc:postgresql://localhost:5432/helpdesk"));
        String user = environment.get(USER_VARIABLE);
        String password = environment.get(PASSWORD_VARIABLE);
        if (password == null && passwordFile.isPresent()) {
            password = readPasswordFile(passwordFile.get());
        }
        return new PostgresSettings(url.trim(), blankToNull(user), password);
    }

    private static String readPasswordFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            String first = nl < 0 ? text : text.substring(0, nl);
            return first.endsWith("\r") ? first.substring(0, first.length() - 1) : first;
        } catch (IOException e) {
            // the exception's text names the file only; it cannot hold the password
            throw new TriageException(ErrorCode.STORE_FAILED, "cannot read the password file "
                    + file + " (db_password_file): " + e.getClass().getSimpleName(), e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Returns the host the URL names (the first, when it names several). */
    public String host() {
        return parsed().map(p -> PGProperty.PG_HOST.getOrDefault(p).split(",")[0])
                .orElse("?");
    }

    /** Returns the port the URL names (the first, when it names several). */
    public String port() {
        return parsed().map(p -> PGProperty.PG_PORT.getOrDefault(p).split(",")[0])
                .orElse("?");
    }

    /** Returns the database the URL names. */
    public String database() {
        return parsed().map(PGProperty.PG_DBNAME::getOrDefault).orElse("?");
    }

    private Optional<Properties> parsed() {
        return Optional.ofNullable(Driver.parseURL(url, new Properties()));
    }

    /** Describes the database for messages: "database helpdesk on localhost:5432". */
    public String describe() {
        return "database " + database() + " on " + host() + ":" + port();
    }

    /**
     * Returns {@code text} with the password (and any {@code password=} URL parameter) replaced
     * by {@code ****}, for messages built from a driver's or a pool's exceptions.
     */
    public String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        if (password != null && !password.isEmpty()) {
            out = out.replace(password, "****");
        }
        Optional<String> inUrl = parsed().map(PGProperty.PASSWORD::getOrDefault);
        if (inUrl.isPresent() && !inUrl.get().isEmpty()) {
            out = out.replace(inUrl.get(), "****");
        }
        return out.replaceAll("(?i)(password=)[^&;\\s]*", "$1****");
    }

    /** Describes the settings without the password or the URL. */
    @Override
    public String toString() {
        return "PostgresSettings[" + describe() + ", user " + (user == null ? "(from the URL)"
                : user) + ", password " + (password == null ? "not set" : "set") + "]";
    }
}
