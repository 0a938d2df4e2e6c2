package org.helpdesktriage.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.io.NoSpace;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/** Prints one-line errors ({@code error: ...}) and maps failures to exit codes. */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        boolean verbose = cl.getCommand() instanceof AbstractCommand c && c.verbose();
        err.println("error: " + message(ex));
        if (verbose) {
            ex.printStackTrace(err);
        } else if (!(ex instanceof TriageException) && !NoSpace.is(ex)
                && !(ex instanceof java.nio.file.FileSystemException)) {
            err.println("(run with --verbose for the stack trace)");
        }
        err.flush();
        return exitCode(ex).code();
    }

    static ExitCode exitCode(Throwable ex) {
        if (NoSpace.is(ex)) {
            return ExitCode.NO_SPACE;
        }
        if (ex instanceof TriageException te) {
            ErrorCode code = te.code();
            switch (code) {
                case CONFIG_INVALID:
                case INPUT_UNREADABLE:
                    return ExitCode.INPUT_OR_CONFIG;
                case LOCKED:
                    return ExitCode.LOCKED;
                case STORE_FAILED:
                case STORE_UNAVAILABLE:
                    return ExitCode.DATA_PROBLEM;
                case NO_SPACE:
                    return ExitCode.NO_SPACE;
                default:
                    return ExitCode.ERROR;
            }
        }
        return ExitCode.ERROR;
    }

    static String message(Throwable ex) {
        Optional<TriageException> full = NoSpace.of(ex);
        if (full.isPresent()) {
            return full.get().getMessage();
        }
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }

    // an unknown command or option is named with the nearest names a typo could come from
    private static String usageMessage(ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException unmatched)
                || unmatched.getUnmatched().isEmpty()) {
            return ex.getMessage();
        }
        String word = unmatched.getUnmatched().get(0);
        CommandLine cl = ex.getCommandLine();
        String message;
        if (unmatched.isUnknownOption()) {
            message = "unknown option '" + word + "'";
        } else if (cl.getParent() == null) {
            message = "unknown command '" + word + "' (and no file of that name)";
        } else if (!cl.getSubcommands().isEmpty()) {
            message = "unknown command '" + cl.getCommandName() + " " + word + "'";
        } else {
            return ex.getMessage();
        }
        Set<String> names = unmatched.isUnknownOption()
                ? cl.getCommandSpec().optionsMap().keySet() : cl.getSubcommands().keySet();
        List<String> near = names.stream().sorted(Comparator.comparingInt(
                        (String s) -> Suggestions.distance(strip(word), strip(s))))
                .filter(s -> Suggestions.distance(strip(word), strip(s))
                        <= Math.max(2, strip(word).length() / 3))
                .limit(3).map(s -> "'" + s + "'").toList();
        if (!near.isEmpty()) {
            message += "; did you mean " + String.join(" or ", near) + "?";
        }
        return message;
    }

    private static String strip(String option) {
        int start = 0;
        while (start < option.length() && option.charAt(start) == '-') {
            start++;
        }
        return option.substring(start);
    }

    static int usageError(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("error: " + usageMessage(ex));
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more.");
        err.flush();
        return ExitCode.USAGE.code();
    }
}
