package org.helpdesktriage.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
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

    /** Loads the configuration: defaults < file < HELPDESK_* environment < --set. */
    TriageConfig load(Map<String, String> environment) {
        return ConfigLoader.load(file(), environment, overrides);
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
