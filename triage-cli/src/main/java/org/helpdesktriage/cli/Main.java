package org.helpdesktriage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.helpdesktriage.core.ingest.InputFormat;
import org.helpdesktriage.core.internal.output.OutputFormat;
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
        // the formats' own names, aliases included (ndjson is jsonl)
        cl.registerConverter(InputFormat.class, value -> InputFormat.parse(value).orElseThrow(
                () -> new CommandLine.TypeConversionException("'" + value + "' is not an input "
                        + "format; use json, jsonl (or ndjson), csv or text")));
        cl.registerConverter(OutputFormat.class, value -> OutputFormat.parse(value).orElseThrow(
                () -> new CommandLine.TypeConversionException("'" + value + "' is not an output "
                        + "format; use json, jsonl (or ndjson) or csv")));
        withVersion(cl, new VersionProvider());
        return cl;
    }

    // every command answers --version the same way, including those added later
    private static void withVersion(CommandLine cl, VersionProvider version) {
        cl.getCommandSpec().versionProvider(version);
        cl.getSubcommands().values().forEach(sub -> withVersion(sub, version));
    }

    /**
     * Returns the arguments as picocli reads them: the options every command shares (-v, -q,
     * --config, --set, --now) may come before the command's name and are moved after it, and
     * "helpdesk-triage in.json out.json" means "helpdesk-triage triage in.json out.json" when
     * the first word names a file ({@code -}, an existing file, or a word with a dot or slash);
     * any other first word is left for picocli to call an unknown command, with suggestions.
     */
    static String[] withDefaultCommand(CommandLine cl, String... args) {
        if (args.length == 0 || ROOT_OPTIONS.contains(args[0])) {
            return args;
        }
        List<String> shared = new ArrayList<>();
        int i = 0;
        while (i < args.length && args[i].startsWith("-") && !args[i].equals("-")
                && !args[i].equals("--")) {
            int arity = sharedOptionArity(args[i]);
            if (arity < 0) {
                // "helpdesk-triage --explain in.json" is triage's; any other option the root's
                return isOptionOf(cl.getSubcommands().get("triage"), args[i])
                        ? prepend("triage", args) : args;
            }
            int end = Math.min(args.length, i + 1 + arity);
            shared.addAll(Arrays.asList(args).subList(i, end));
            i = end;
        }
        if (i == args.length) {
            return args;
        }
        List<String> result = new ArrayList<>();
        CommandLine command = cl;
        while (i < args.length && command.getSubcommands().containsKey(args[i])) {
            command = command.getSubcommands().get(args[i]);
            result.add(args[i++]);
        }
        if (result.isEmpty() && namesFile(args[i])) {
            result.add("triage");
        }
        if (result.isEmpty()) {
            // an unknown command: picocli reports the word first, with the commands it is like
            result.add(args[i++]);
        }
        result.addAll(shared);
        result.addAll(Arrays.asList(args).subList(i, args.length));
        return result.toArray(String[]::new);
    }

    private static String[] prepend(String word, String... args) {
        String[] result = new String[args.length + 1];
        result[0] = word;
        System.arraycopy(args, 0, result, 1, args.length);
        return result;
    }

    private static boolean isOptionOf(CommandLine command, String arg) {
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        return command.getCommandSpec().findOption(name) != null;
    }

    private static boolean namesFile(String word) {
        return word.equals("-") || word.indexOf('.') >= 0 || word.indexOf('/') >= 0
                || Files.exists(Path.of(word));
    }

    // the number of values a shared option takes, or -1 for an option that is not shared
    private static int sharedOptionArity(String arg) {
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        for (Object mixin : new Object[] {new ConfigOptions(), new NowOption()}) {
            CommandLine.Model.OptionSpec option =
                    CommandLine.Model.CommandSpec.forAnnotatedObject(mixin).findOption(name);
            if (option != null) {
                return arg.contains("=") ? 0 : option.arity().max();
            }
        }
        return -1;
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
