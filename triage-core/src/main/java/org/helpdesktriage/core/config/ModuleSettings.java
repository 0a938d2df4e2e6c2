package org.helpdesktriage.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The settings of a configuration that other modules own: the store's ({@code store_type},
 * {@code store_path}, {@code store_url}, {@code db_password_file}, read by triage-store) and the
 * command line's ({@code log_level}). The core reads them from the same layers as its own keys
 * (file, {@code HELPDESK_*} environment, overrides) and carries their values and where each came
 * from, without giving them a meaning; a {@link ConfigLoader.SettingOwner} checks and reads one.
 *
 * <pre>{@code
 * Optional<String> type = config.moduleSettings().value("store_type");
 * }</pre>
 *
 * @param values key to value, for the keys that have one
 * @param origins key to where its value came from ({@code config.json line 3},
 *     {@code environment variable HELPDESK_STORE_TYPE}), for messages; not part of
 *     {@link #equals}, as the core's own values carry no origin
 */
public record ModuleSettings(Map<String, String> values, Map<String, String> origins) {

    /** The keys of {@code config.json} that the core carries for other modules. */
    public static final List<String> KEYS = List.of("store_type", "store_path", "store_url",
            "db_password_file", "log_level");

    private static final List<String> SECRET = List.of("store_url", "db_password_file");

    /** Checks the keys and copies the maps. */
    public ModuleSettings {
        values = Map.copyOf(values);
        origins = Map.copyOf(origins);
        for (String key : values.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("'" + key + "' is not a setting the core "
                        + "carries for another module; those are " + KEYS);
            }
        }
    }

    /** Returns settings with no value at all. */
    public static ModuleSettings none() {
        return new ModuleSettings(Map.of(), Map.of());
    }

    /** Returns the value of {@code key}, or empty when it has none. */
    public Optional<String> value(String key) {
        return Optional.ofNullable(values.get(Objects.requireNonNull(key, "key")));
    }

    /** Returns where the value of {@code key} came from, or "configuration" when not known. */
    public String origin(String key) {
        return origins.getOrDefault(Objects.requireNonNull(key, "key"), "configuration");
    }

    /** Returns whether {@code o} holds the same values, wherever they came from. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ModuleSettings other && values.equals(other.values);
    }

    /** Returns the hash of the values. */
    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Shows every value but {@code store_url} and {@code db_password_file}, which may be secret. */
    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>(values);
        shown.replaceAll((k, v) -> SECRET.contains(k) ? "(not shown)" : v);
        return "ModuleSettings" + shown;
    }

    /** Returns a copy with {@code value} for {@code key}, coming from {@code origin}. */
    public ModuleSettings with(String key, String value, String origin) {
        Map<String, String> v = new LinkedHashMap<>(values);
        Map<String, String> o = new LinkedHashMap<>(origins);
        v.put(key, Objects.requireNonNull(value, "value"));
        o.put(key, Objects.requireNonNull(origin, "origin"));
        return new ModuleSettings(v, o);
    }
}
