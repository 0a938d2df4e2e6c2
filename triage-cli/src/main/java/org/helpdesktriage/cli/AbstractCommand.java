package org.helpdesktriage.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The base of every command: shared options, access to the environment, and a final
 * {@link #call()} that runs the command and turns its {@link ExitCode} into the process's.
 */
abstract class AbstractCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions = new ConfigOptions();

    @Mixin
    NowOption nowOption = new NowOption();

    private Main.Environment environment;
    private Logging logging;
    private TriageConfig config;
    private StoreConfiguration configuration;

    final void environment(Main.Environment env) {
        this.environment = env;
    }

    final Main.Environment environment() {
        return environment;
    }

    final boolean verbose() {
        return configOptions.verbose;
    }

    final boolean quiet() {
        return configOptions.quiet;
    }

    /** Prints an informational line on standard output, unless --quiet. */
    final void say(String line) {
        if (!quiet()) {
            out().println(line);
        }
    }

    /** Prints an informational line (a summary, a notice) on standard error, unless --quiet. */
    final void tell(String line) {
        if (!quiet()) {
            err().println(line);
        }
    }

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Returns whether --now fixed the time: every time, id and duration the command writes then
     * comes from it, so that a repeated run writes the same bytes.
     */
    final boolean fixedTime() {
        return nowOption.now != null;
    }

    /** Returns the clock every time this command records comes from: fixed by --now. */
    final java.time.Clock clock() {
        return nowOption.clock(environment.clock());
    }

    /**
     * Returns the configuration, loaded from its layers on the first call; its log_level sets
     * the log's, unless -v or -q does.
     */
    TriageConfig config() {
        if (config == null) {
            configuration = StoreConfiguration.load(configOptions, environment.variables(),
                    this::storeOptions, dependsOnRules(), clock(), err()::println);
            config = configuration.config();
            if (logging != null) {
                logging.level(explicitLogLevel() != null ? explicitLogLevel()
                        : Logging.level(config));
            }
        }
        return config;
    }

    /** Returns the configuration with the file it came from; loads it on the first call. */
    final StoreConfiguration configuration() {
        config();
        return configuration;
    }

    /**
     * Returns the store options of a command that works on a store (data directory or
     * PostgreSQL), so that it runs with the configuration recorded there when none is given;
     * {@code null} (the default) for a command that works on none.
     */
    DataDirOptions storeOptions(TriageConfig loaded) {
        return null;
    }

    /**
     * Returns whether the command decides with the rules, escalation or SLA settings (triage,
     * escalate, sla, dead-letters retry): it then refuses to fall back to the built-in defaults
     * when the configuration recorded in its store is gone.
     */
    boolean dependsOnRules() {
        return false;
    }

    private String explicitLogLevel() {
        return verbose() ? "DEBUG" : quiet() ? "ERROR" : null;
    }

    /**
     * Checks the options, alone and together, and throws {@link #usage} for the first wrong one.
     * Runs before {@link #execute()}, so a usage error opens, locks and writes nothing; an
     * override calls {@code super.validate()} first.
     */
    void validate() {
        if (configOptions.quiet && configOptions.verbose) {
            throw usage("--quiet and --verbose contradict each other; give one of them");
        }
        CommandFiles files = new CommandFiles().input("--config", configOptions.config);
        files(files);
        files.clash().ifPresent(clash -> {
            throw usage(clash);
        });
    }

    /**
     * Adds the files this command reads and writes, so that {@link #validate()} refuses an
     * output that would replace an input or another output; an override calls
     * {@code super.files(files)} first.
     */
    void files(CommandFiles files) {
    }

    /**
     * Returns the configuration {@code load} loads, or fails with exit 3 and a message that
     * says which configuration it is ({@code which}: "the baseline configuration (--baseline
     * F)"), when the command reads more than one.
     */
    static TriageConfig loadAs(String which, Supplier<TriageConfig> load) {
        try {
            return load.get();
        } catch (TriageException e) {
            throw new TriageException(ErrorCode.CONFIG_INVALID, which + ": " + e.getMessage(), e);
        }
    }

    /** Returns a usage error (exit 2) with this message, for {@code throw usage(...)}. */
    final ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Throws a usage error unless {@code value >= min}. */
    final void requireAtLeast(String option, long value, long min) {
        if (value < min) {
            throw usage(option + " must be " + (min == 0 ? "0 or more" : "at least " + min)
                    + ", got " + value);
        }
    }

    @Override
    public final Integer call() throws Exception {
        validate();
        logging = Logging.start(err());
        try {
            ExitCode code = execute();
            out().flush();
            err().flush();
            return exitCodeOf(code);
        } finally {
            // a configuration that failed to load set no level: say at least the warnings
            logging.finish(explicitLogLevel() != null ? explicitLogLevel() : "WARN");
        }
    }

    /** Returns the process's exit code for {@code code}; with-lock passes its command's on. */
    int exitCodeOf(ExitCode code) {
        return code.code();
    }

    /** Runs the command and returns its exit code; failures are thrown. */
    abstract ExitCode execute() throws Exception;
}
