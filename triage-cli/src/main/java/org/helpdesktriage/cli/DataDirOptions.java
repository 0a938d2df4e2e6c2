package org.helpdesktriage.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.store.DataDirectory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of commands that work on the data directory. */
final class DataDirOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The data directory. Default: store_path from the configuration.")
    Path dataDir;

    /** The longest --wait: a week, far below what a clock can count in nanoseconds. */
    static final long MAX_WAIT_SECONDS = 7 * 24 * 3600;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    long waitSeconds;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "How long to wait for another process's lock on the data directory "
                    + "before failing with a message naming the holder; at most 604800 (a "
                    + "week).")
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
        return dataDir != null ? dataDir : config.storePath();
    }

    /** Opens the data directory for writing, under its lock. */
    DataDirectory openForWriting(TriageConfig config, String command, Clock clock) {
        return DataDirectory.openForWriting(root(config), command,
                Duration.ofSeconds(waitSeconds), clock);
    }

    /** Returns how long to wait for another process's lock. */
    Duration waitTime() {
        return Duration.ofSeconds(waitSeconds);
    }

    /** Opens the data directory for reading, without the lock. */
    DataDirectory openForReading(TriageConfig config, Clock clock) {
        return DataDirectory.openForReading(root(config), clock);
    }
}
