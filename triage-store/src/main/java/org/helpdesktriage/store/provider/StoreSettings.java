package org.helpdesktriage.store.provider;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.config.TriageConfig;

/**
 * Where the store is: its type ({@code store_type}: {@code memory}, {@code file} or
 * {@code postgres}), the data directory of the file store ({@code store_path}), and the
 * PostgreSQL store's JDBC URL ({@code store_url}) and password file ({@code db_password_file}).
 *
 * <pre>{@code
 * StoreSettings settings = StoreSettings.from(config).withPath(dataDirOption);
 * }</pre>
 *
 * @param type {@code memory}, {@code file} or {@code postgres}
 * @param path the data directory of the file store
 * @param url the JDBC URL of the PostgreSQL store, when set
 * @param passwordFile the file holding the PostgreSQL store's password, when set
 */
public record StoreSettings(String type, Path path, Optional<String> url,
        Optional<Path> passwordFile) {

    /** Checks the arguments. */
    public StoreSettings {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(passwordFile, "passwordFile");
        if (!type.equals("memory") && !type.equals("file") && !type.equals("postgres")) {
            throw new IllegalArgumentException("store type '" + type
                    + "' is not memory, file or postgres");
        }
    }

    /** Returns the store settings of a loaded configuration. */
    public static StoreSettings from(TriageConfig config) {
        Objects.requireNonNull(config, "config");
        return new StoreSettings(config.storeType(), config.storePath(),
                config.storeUrlSetting(), config.dbPasswordFileSetting());
    }

    /** Returns these settings with another data directory (a {@code --data-dir}). */
    public StoreSettings withPath(Path dataDirectory) {
        return new StoreSettings(type, dataDirectory, url, passwordFile);
    }

    /** Returns whether the store is the PostgreSQL database ({@code store_type postgres}). */
    public boolean database() {
        return type.equals("postgres");
    }

    /** Returns whether the store is kept in memory only ({@code store_type memory}). */
    public boolean memory() {
        return type.equals("memory");
    }
}
