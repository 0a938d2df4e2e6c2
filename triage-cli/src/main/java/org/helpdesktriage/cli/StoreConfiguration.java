package org.helpdesktriage.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.store.RecordedConfig;
import org.helpdesktriage.store.Storage;

/**
 * Which configuration a command that works on a store runs with: the one given (--config or
 * HELPDESK_CONFIG), else the one recorded in the store by the last triage into it, so that the
 * working directory does not decide. A configuration whose fingerprint differs from the recorded
 * one is warned about; a recorded file that is gone is warned about, and refused by commands
 * that decide with the rules (the built-in defaults would decide differently).
 *
 * @param config the configuration to run with
 * @param file the file it came from, or empty for the built-in defaults
 */
record StoreConfiguration(TriageConfig config, Optional<Path> file) {

    /**
     * Loads the configuration for a command.
     *
     * @param options the command's configuration options
     * @param env the environment
     * @param store the command's store options, or {@code null} when it works on no store
     * @param dependsOnRules whether the command decides with the rules
     * @param warn where warnings go (standard error)
     */
    static StoreConfiguration load(ConfigOptions options, Map<String, String> env,
            StoreOptionsLookup store, boolean dependsOnRules, Clock clock, Consumer<String> warn) {
        Optional<Path> file = options.file();
        TriageConfig loaded = options.load(env);
        DataDirOptions storeOptions = store == null ? null : store.of(loaded);
        if (storeOptions == null) {
            return new StoreConfiguration(loaded, file);
        }
        Optional<RecordedConfig> recorded = recorded(loaded, storeOptions, env, clock, warn);
        if (recorded.isEmpty()) {
            return new StoreConfiguration(loaded, file);
        }
        RecordedConfig rec = recorded.get();
        String where = describe(loaded, storeOptions);
        if (options.config == null) {
            Optional<Path> recordedFile = rec.file();
            if (recordedFile.isPresent() && !Files.isRegularFile(recordedFile.get())) {
                warn.accept("warning: " + where + " was triaged with the configuration "
                        + rec.path() + ", which no longer exists");
                if (dependsOnRules) {
                    throw new TriageException(ErrorCode.CONFIG_INVALID, "the configuration "
                            + rec.path() + " recorded in " + where + " no longer exists, and "
                            + "the built-in defaults would decide differently; restore it, or "
                            + "give --config FILE (or HELPDESK_CONFIG)");
                }
                return new StoreConfiguration(loaded, file);
            }
            file = recordedFile;
            loaded = ConfigOptions.load(file, env, options.overrides);
        }
        String fingerprint = ConfigLoader.fingerprint(loaded);
        if (!fingerprint.equals(rec.fingerprint())) {
            warn.accept("warning: the configuration " + file.map(Path::toString)
                    .orElse("(the built-in defaults)") + " (fingerprint " + fingerprint
                    .substring(0, 12) + ") is not the one " + where + " was last triaged with, "
                    + rec.describe() + " (fingerprint " + rec.fingerprint().substring(0,
                    Math.min(12, rec.fingerprint().length())) + ")");
        }
        return new StoreConfiguration(loaded, file);
    }

    /** Returns the store options of a command, given the configuration first loaded. */
    @FunctionalInterface
    interface StoreOptionsLookup {
        /** Returns the options, or {@code null} when this run works on no store. */
        DataDirOptions of(TriageConfig loaded);
    }

    /** Returns what a triage into the store records: this configuration, by file. */
    RecordedConfig toRecord(Clock clock) {
        return new RecordedConfig(file.map(p -> p.toAbsolutePath().normalize().toString())
                .orElse(null), ConfigLoader.fingerprint(config), clock.instant());
    }

    private static Optional<RecordedConfig> recorded(TriageConfig loaded, DataDirOptions store,
            Map<String, String> env, Clock clock, Consumer<String> warn) {
        try {
            if (DataDirOptions.postgres(loaded)) {
                try (Storage s = store.readStorage(loaded, env, clock)) {
                    return s.recordedConfig();
                }
            }
            return RecordedConfig.read(store.root(loaded));
        } catch (TriageException e) {
            // the command itself reports a store it cannot open; a bad record is only a warning
            if (!DataDirOptions.postgres(loaded)) {
                warn.accept("warning: " + e.getMessage());
            }
            return Optional.empty();
        }
    }

    private static String describe(TriageConfig loaded, DataDirOptions store) {
        return DataDirOptions.postgres(loaded) ? "the PostgreSQL store"
                : "data directory " + store.root(loaded);
    }
}
