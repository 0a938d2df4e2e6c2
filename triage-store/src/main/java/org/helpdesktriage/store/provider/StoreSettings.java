package org.helpdesktriage.store.provider;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.config.ConfigLoader.SettingOwner;
import org.helpdesktriage.core.config.ModuleSettings;
import org.helpdesktriage.core.config.TriageConfig;

/**
 * Where the store is: its type ({@code store_type}), the data directory of the file store
 * ({@code store_path}), and the PostgreSQL store's JDBC URL ({@code store_url}) and password
 * file ({@code db_password_file}). The store owns these keys of {@code config.json}: the core's
 * loader reads them with the rest and {@link #OWNERS} checks them, so that a bad one is reported
 * with its file and line among the configuration's other problems.
 *
 * <pre>{@code
 * TriageConfig config = ConfigLoader.load(file, System.getenv(), Map.of(), StoreSettings.OWNERS);
 * StoreSettings settings = StoreSettings.from(config).withPath(dataDirOption);
 * }</pre>
 *
 * @param type where tickets are kept
 * @param path the data directory of the file store
 * @param url the JDBC URL of the PostgreSQL store, when set
 * @param passwordFile the file holding the PostgreSQL store's password, when set
 */
public record StoreSettings(StoreType type, Path path, Optional<String> url,
        Optional<Path> passwordFile) {

    private static final SettingOwner TYPE = new SettingOwner("store_type",
            v -> StoreType.parse(v).id());
    private static final SettingOwner PATH = new SettingOwner("store_path",
            v -> Path.of(v).toString());

    /**
     * The checks of the store's keys that take part in loading a configuration:
     * {@code store_type} names a {@link StoreType}, {@code store_path} is a path. The URL and
     * the password file are checked when the database is opened.
     */
    public static final List<SettingOwner> OWNERS = List.of(TYPE, PATH);

    /** Checks the arguments. */
    public StoreSettings {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(passwordFile, "passwordFile");
    }

    /**
     * Returns the store settings of a loaded configuration; a key it does not carry has its
     * built-in default ({@code memory}, {@code ./data}), a blank URL or password file is none.
     *
     * @throws org.helpdesktriage.core.error.TriageException with code {@code CONFIG_INVALID}
     *     naming where a bad {@code store_type} or {@code store_path} came from
     */
    public static StoreSettings from(TriageConfig config) {
        Objects.requireNonNull(config, "config");
        ModuleSettings own = config.moduleSettings();
        ModuleSettings defaults = TriageConfig.defaults().moduleSettings();
        String type = TYPE.read(own).or(() -> TYPE.read(defaults)).orElseThrow();
        String path = PATH.read(own).or(() -> PATH.read(defaults)).orElseThrow();
        return new StoreSettings(StoreType.parse(type), Path.of(path),
                own.value("store_url").filter(u -> !u.isBlank()),
                own.value("db_password_file").filter(f -> !f.isBlank()).map(Path::of));
    }

    /** Returns these settings with another data directory (a {@code --data-dir}). */
    public StoreSettings withPath(Path dataDirectory) {
        return new StoreSettings(type, dataDirectory, url, passwordFile);
    }

    /** Returns whether the store is the PostgreSQL database ({@code store_type postgres}). */
    public boolean database() {
        return type == StoreType.POSTGRES;
    }

    /** Returns whether the store is kept in memory only ({@code store_type memory}). */
    public boolean memory() {
        return type == StoreType.MEMORY;
    }
}
