package org.helpdesktriage.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.ConfigLoader.SettingOwner;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.store.provider.StoreSettings;
import picocli.CommandLine.Option;

/** The options every command shares: the configuration and how much to say. */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration file; HELPDESK_CONFIG in the environment sets it "
                    + "for every command. Default: for a command on a store, the configuration "
                    + "the last triage --store recorded there; else ./config.json if present, "
                    + "else the built-in defaults.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Overrides a configuration key for this run, over the file and the "
                    + "HELPDESK_* environment (repeatable), e.g. --set match_mode=all.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = {"-v", "--verbose"},
            description = "Says more: the library's log at DEBUG level (configuration sources, "
                    + "rules compiled, data directory opened) and stack traces with errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"},
            description = "Prints only errors: no summary, notice or progress line, and the "
                    + "log at ERROR level. Results and listings still go to standard output.")
    boolean quiet;

    /**
     * The owners of the keys the core carries for other modules: the store's (store_type,
     * store_path) and the log's (log_level); every load and validation here passes them, so
     * their problems come with the core's.
     */
    static final List<SettingOwner> OWNERS = java.util.stream.Stream.concat(
            StoreSettings.OWNERS.stream(), java.util.stream.Stream.of(Logging.LEVEL)).toList();

    /** Loads the configuration: defaults < file < HELPDESK_* environment < --set. */
    TriageConfig load(Map<String, String> environment) {
        return load(file(), environment, overrides);
    }

    /**
     * Loads a configuration; when it fails with more than one problem, the message (the first
     * problem) says how many more there are and how to see them all.
     */
    static TriageConfig load(Optional<Path> file, Map<String, String> environment,
            Map<String, String> overrides) {
        try {
            return ConfigLoader.load(file, environment, overrides, OWNERS);
        } catch (TriageException e) {
            if (e.code() != ErrorCode.CONFIG_INVALID) {
                throw e;
            }
            int problems = ConfigLoader.validate(file, environment, overrides, OWNERS).size();
            if (problems <= 1) {
                throw e;
            }
            throw new TriageException(ErrorCode.CONFIG_INVALID, e.getMessage() + "\n"
                    + (problems - 1) + " more: run helpdesk-triage config validate"
                    + file.map(f -> " " + f).orElse(""), e);
        }
    }

    /** Returns the configuration file: --config, else ./config.json if present, else none. */
    Optional<Path> file() {
        Optional<Path> file = Optional.ofNullable(config);
        if (file.isEmpty() && Files.isRegularFile(Path.of("config.json"))) {
            file = Optional.of(Path.of("config.json"));
        }
        return file;
    }
}
