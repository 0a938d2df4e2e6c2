package org.helpdesktriage.core.config;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;

/**
 * A module's claim on one of the {@link ModuleSettings#KEYS}: how its value is checked and
 * written canonically. Given to {@link ConfigLoader#load(java.util.Optional, java.util.Map,
 * java.util.Map, java.util.List)} or {@code validate}, it checks the merged value where the
 * core checks its own keys, so that its problem is reported with the file, the line and the
 * key, among the core's problems; the configuration then carries the canonical value.
 *
 * <pre>{@code
 * SettingOwner storeType = new SettingOwner("store_type", v -> StoreType.parse(v).id());
 * TriageConfig config = ConfigLoader.load(file, System.getenv(), Map.of(), List.of(storeType));
 * }</pre>
 *
 * @param key the key it owns, one of {@link ModuleSettings#KEYS}
 * @param canonical returns the canonical value of a value, or throws an
 *     {@link IllegalArgumentException} whose message names the key and says what is wrong
 */
public record SettingOwner(String key, UnaryOperator<String> canonical) {

    /** Checks the arguments. */
    public SettingOwner {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(canonical, "canonical");
        if (!ModuleSettings.KEYS.contains(key)) {
            throw new IllegalArgumentException("'" + key + "' is not a setting the core carries "
                    + "for another module; those are " + ModuleSettings.KEYS);
        }
    }

    /**
     * Returns the canonical value of this key in {@code settings}, or empty when it has none.
     *
     * @throws TriageException with {@link ErrorCode#CONFIG_INVALID} naming where the value came
     *     from and what is wrong with it
     */
    public Optional<String> read(ModuleSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return settings.value(key).map(v -> {
            try {
                return Objects.requireNonNull(canonical.apply(v), key);
            } catch (IllegalArgumentException e) {
                throw new TriageException(ErrorCode.CONFIG_INVALID, settings.origin(key) + ": "
                        + ConfigProblems.describe(e), e);
            }
        });
    }
}
