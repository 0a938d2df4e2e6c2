package org.helpdesktriage.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.store.Storage;
import org.helpdesktriage.store.provider.StorageProvider;
import org.helpdesktriage.store.provider.StoreSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of commands that work on the data directory. */
final class DataDirOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The data directory of the file store. Default: store_path from the "
                    + "configuration. The PostgreSQL store (store_type postgres) is named by "
                    + "store_url instead.")
    Path dataDir;

    /** The longest --wait: a week, far below what a clock can count in nanoseconds. */
    static final long MAX_WAIT_SECONDS = 7 * 24 * 3600;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    long waitSeconds;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "How long to wait for another process's lock on the data directory "
                    + "(or the PostgreSQL store's advisory lock) before failing with a message "
                    + "naming the holder; at most 604800 (a week).")
    void waitSeconds(long value) {
        if (value < 0 || value > MAX_WAIT_SECONDS) {
            throw new ParameterException(mixee.commandLine(), "--wait must be between 0 and "
                    + MAX_WAIT_SECONDS + " seconds (a week), got " + value);
        }
        waitSeconds = value;
    }

    /** Refuses a negative --wait. */
    void validate(AbstractCommand command) {
        command.requireAtLeast("--wait", waitSeconds, 0);
    }

    /** Returns the data directory: --data-dir, else the configuration's store_path. */
    Path root(TriageConfig config) {
        return dataDir != null ? dataDir : StoreSettings.from(config).path();
    }

    /** Returns how long to wait for another process's lock. */
    Duration waitTime() {
        return Duration.ofSeconds(waitSeconds);
    }

    /** Returns whether the configuration's store is PostgreSQL ({@code store_type postgres}). */
    static boolean postgres(TriageConfig config) {
        return StoreSettings.from(config).database();
    }

    /** Returns the provider of the configured store, with --data-dir and --wait. */
    StorageProvider provider(TriageConfig config, Map<String, String> env, Clock clock) {
        StoreSettings settings = StoreSettings.from(config);
        return StorageProvider.of(dataDir == null ? settings : settings.withPath(dataDir), env,
                waitTime(), clock);
    }

    /**
     * Opens the configured store for writing, under its lock: the data directory, or the
     * PostgreSQL database with {@code poolSize} connections and its advisory lock (exclusive
     * for cleanup and restore, shared for runs).
     */
    Storage openStorage(TriageConfig config, Map<String, String> env, String command,
            boolean exclusive, int poolSize, Clock clock) {
        return provider(config, env, clock).openForWriting(command, exclusive, poolSize);
    }

    /** Opens the configured store for reading, without the lock. */
    Storage readStorage(TriageConfig config, Map<String, String> env, Clock clock) {
        return provider(config, env, clock).openForReading();
    }
}
