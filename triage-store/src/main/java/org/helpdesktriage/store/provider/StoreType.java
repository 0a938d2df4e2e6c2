package org.helpdesktriage.store.provider;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where triaged tickets are kept: the configuration's {@code store_type}. */
public enum StoreType {
    /** In memory only: nothing outlives the run. */
    MEMORY,
    /** A data directory ({@code store_path}), one process writing at a time. */
    FILE,
    /** The PostgreSQL database {@code store_url} names, shared by many processes. */
    POSTGRES;

    /** Returns the name written in the configuration: {@code memory}, {@code file}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the store type a configuration value names, in any case and with any spaces
     * around it.
     *
     * @throws IllegalArgumentException naming the key and the value when it names none
     */
    public static StoreType parse(String value) {
        String id = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("store_type '" + value
                        + "' is not one of " + Arrays.stream(values()).map(StoreType::id)
                                .collect(Collectors.joining(", "))));
    }
}
