package org.helpdesktriage.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.store.provider.StorageProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Runs a command while holding the data directory lock: a consistent tar while cron runs. */
@Command(name = "with-lock", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Runs COMMAND while holding the data directory lock, and exits with its "
                + "exit code.",
            "Every writer (triage --store file, escalate, cleanup, backup, restore) waits or "
                + "fails as for any other holder, naming this one, so the data directory does "
                + "not change while COMMAND runs: 'helpdesk-triage with-lock --wait 600 -- tar "
                + "czf nightly.tar.gz data' gives a tar identical in content to a backup taken "
                + "at the same moment, which 'restore --archive' accepts.",
            "Before COMMAND starts, what an interrupted run left (temporary files, an "
                + "unfinished audit line) is removed, as every writer does. COMMAND inherits "
                + "standard input, output and error; put -- before it when it has options of "
                + "its own. It must not be a helpdesk-triage command that writes the same data "
                + "directory: that one would wait for this lock.",
            "If helpdesk-triage is stopped by SIGTERM or SIGINT, COMMAND gets SIGTERM and the "
                + "lock is held until COMMAND has ended. If it is killed with SIGKILL, the system "
                + "releases the lock at once and a watchdog sends COMMAND SIGTERM within about "
                + "0.2 s (COMMAND itself, not processes it started).",
            "Exit code: COMMAND's; 127 when it cannot be started, 5 when the lock cannot be "
                + "had within --wait, 6 when the data directory does not exist or is a folder that is not one "
                + "(not empty, no format-version)."})
final class WithLockCommand extends DataDirCommand {

    /** The exit code of a command that cannot be started, as in the shells. */
    static final int CANNOT_START = 127;

    @Parameters(arity = "1..*", paramLabel = "COMMAND",
            description = "The command and its arguments, run without a shell.")
    List<String> command;

    private int exitCode;

    // counted down once the lock is released, for a shutdown hook that waits on it
    private final java.util.concurrent.CountDownLatch released =
            new java.util.concurrent.CountDownLatch(1);

    @Override
    ExitCode execute() throws InterruptedException {
        Path root = root();
        if (!Files.isDirectory(root)) {
            throw new TriageException(ErrorCode.STORE_FAILED, "data directory " + root
                    + " does not exist; check --data-dir or store_path");
        }
        String name = String.join(" ", command);
        name = "with-lock " + (name.length() > 200 ? name.substring(0, 200) + "..." : name);
        // a lock file, and leftovers removed, only in a data directory
        try (StorageProvider.HeldLock lock = storage().lockDataDirectory(name, listener())) {
            err().flush();
            exitCode = runHoldingTheLock();
        } finally {
            released.countDown();
        }
        return exitCode == 0 ? ExitCode.OK : ExitCode.ERROR;
    }

    private int runHoldingTheLock() throws InterruptedException {
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            err().println("error: cannot start " + command.get(0) + ": " + e.getMessage());
            return CANNOT_START;
        }
        // a with-lock stopped by a signal must not leave COMMAND running without the lock
        Thread stopChild = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor();
                // and the lock released cleanly, so the next writer finds no stale holder
                released.await(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                child.destroyForcibly();
            }
        }, "with-lock-stop-child");
        Runtime.getRuntime().addShutdownHook(stopChild);
        Process watchdog = ChildWatchdog.start(child);
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            child.destroyForcibly().waitFor();
            throw e;
        } finally {
            if (watchdog != null) {
                watchdog.destroyForcibly();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException e) {
                // the JVM is shutting down; the hook stops the child
            }
        }
    }

    @Override
    int exitCodeOf(ExitCode code) {
        return exitCode;
    }
}
