package org.helpdesktriage.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.helpdesktriage.core.config.TriageConfig;
import java.util.Map;
import org.helpdesktriage.store.DataDirectory;
import org.helpdesktriage.store.Storage;
import org.helpdesktriage.store.postgres.PostgresSettings;
import org.helpdesktriage.store.postgres.PostgresStorage;
import picocli.CommandLine.Option;

/** The options of commands that work on the data directory. */
final class DataDirOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The data directory of the file store. Default: store_path from the "
                    + "configuration. The PostgreSQL store (store_type postgres) is named by "
                    + "store_url instead.")
    Path dataDir;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "How long to wait for another process's lock on the data directory "
                    + "(or the PostgreSQL store's advisory lock) before failing with a message "
                    + "naming the holder.")
    long waitSeconds;

    /** Returns the data directory: --data-dir, else the configuration's store_path. */
    Path root(TriageConfig config) {
        return dataDir != null ? dataDir : config.storePath();
    }

    /** Opens the data directory for writing, under its lock. */
    DataDirectory openForWriting(TriageConfig config, String command, Clock clock) {
        return DataDirectory.openForWriting(root(config), command,
                Duration.ofSeconds(Math.max(0, waitSeconds)), clock);
    }

    /** Opens the data directory for reading, without the lock. */
    DataDirectory openForReading(TriageConfig config, Clock clock) {
        return DataDirectory.openForReading(root(config), clock);
    }

    /** Returns whether the configuration's store is PostgreSQL ({@code store_type postgres}). */
    static boolean postgres(TriageConfig config) {
        return config.storeType().equals("postgres");
    }

    /**
     * Opens the configured store for writing, under its lock: the data directory, or the
     * PostgreSQL database with {@code poolSize} connections and its advisory lock (exclusive
     * for cleanup and restore, shared for runs).
     */
    Storage openStorage(TriageConfig config, Map<String, String> env, String command,
            boolean exclusive, int poolSize, Clock clock) {
        if (postgres(config)) {
            return PostgresStorage.openForWriting(PostgresSettings.from(config, env), poolSize,
                    command, exclusive, Duration.ofSeconds(Math.max(0, waitSeconds)), clock);
        }
        return openForWriting(config, command, clock);
    }

    /** Opens the configured store for reading, without the lock. */
    Storage readStorage(TriageConfig config, Map<String, String> env, Clock clock) {
        if (postgres(config)) {
            return PostgresStorage.openForReading(PostgresSettings.from(config, env));
        }
        return openForReading(config, clock);
    }
}
