package org.helpdesktriage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/** The {@code helpdesk-triage} command line. */
public final class Main {

    private static final Set<String> ROOT_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    private Main() {
    }

    /** Runs the command line and exits with its exit code. */
    public static void main(String... args) {
        System.exit(run(args));
    }

    /** Runs the command line with the process's streams and environment. */
    static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        return run(new Environment(System.getenv(), System.in, out, err, Clock.systemUTC(),
                stderrIsTerminal(System.getenv())), args);
    }

    // Java 17 can tell only whether stdin and stdout are a console; /proc tells about stderr
    private static boolean stderrIsTerminal(Map<String, String> env) {
        if ("dumb".equals(env.get("TERM"))) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** Runs the command line in {@code env}; tests capture its streams. */
    static int run(Environment env, String... args) {
        CommandLine cl = commandLine(env);
        return cl.execute(withDefaultCommand(cl, args));
    }

    static CommandLine commandLine(Environment env) {
        CommandLine cl = new CommandLine(new RootCommand(), new CommandFactory(env));
        cl.setOut(env.out());
        cl.setErr(env.err());
        cl.setDefaultValueProvider(new EnvironmentDefaults(env.variables()));
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(ErrorHandler::usageError);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        withVersion(cl, new VersionProvider());
        return cl;
    }

    // every command answers --version the same way, including those added later
    private static void withVersion(CommandLine cl, VersionProvider version) {
        cl.getCommandSpec().versionProvider(version);
        cl.getSubcommands().values().forEach(sub -> withVersion(sub, version));
    }

    // "helpdesk-triage in.json out.json" means "helpdesk-triage triage in.json out.json"
    private static String[] withDefaultCommand(CommandLine cl, String... args) {
        if (args.length == 0 || ROOT_OPTIONS.contains(args[0])
                || cl.getSubcommands().containsKey(args[0])) {
            return args;
        }
        String[] withTriage = new String[args.length + 1];
        withTriage[0] = "triage";
        System.arraycopy(args, 0, withTriage, 1, args.length);
        return withTriage;
    }

    /**
     * What a run sees of the outside world.
     *
     * @param variables the environment variables
     * @param in standard input
     * @param out standard output
     * @param err standard error
     * @param clock the time every command reads
     * @param terminal whether standard error is a terminal, where a progress bar may be drawn
     */
    record Environment(Map<String, String> variables, InputStream in, PrintWriter out,
            PrintWriter err, Clock clock, boolean terminal) {

        /** An environment whose standard error is not a terminal. */
        Environment(Map<String, String> variables, InputStream in, PrintWriter out,
                PrintWriter err, Clock clock) {
            this(variables, in, out, err, clock, false);
        }
    }

    /** Gives commands that want it the environment. */
    private static final class CommandFactory implements CommandLine.IFactory {
        private final Environment env;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        CommandFactory(Environment env) {
            this.env = env;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            K instance = fallback.create(cls);
            if (instance instanceof AbstractCommand command) {
                command.environment(env);
            }
            return instance;
        }
    }
}
