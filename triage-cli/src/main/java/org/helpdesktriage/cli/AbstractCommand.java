package org.helpdesktriage.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.helpdesktriage.core.config.TriageConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

    final void environment(Main.Environment env) {
        this.environment = env;
    }

    final Main.Environment environment() {
        return environment;
    }

    final boolean verbose() {
        return configOptions.verbose;
    }

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Returns the clock every time this command records comes from: fixed by --now. */
    final java.time.Clock clock() {
        return nowOption.clock(environment.clock());
    }

    /** Loads the configuration from its layers. */
    TriageConfig config() {
        return configOptions.load(environment.variables());
    }

    @Override
    public final Integer call() throws Exception {
        ExitCode code = execute();
        out().flush();
        err().flush();
        return exitCodeOf(code);
    }

    /** Returns the process's exit code for {@code code}; with-lock passes its command's on. */
    int exitCodeOf(ExitCode code) {
        return code.code();
    }

    /** Runs the command and returns its exit code; failures are thrown. */
    abstract ExitCode execute() throws Exception;
}
