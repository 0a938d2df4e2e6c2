package org.helpdesktriage.cli;

import java.io.IOException;

/** Stops the command with-lock runs when with-lock itself is killed and the lock is gone. */
final class ChildWatchdog {

    private ChildWatchdog() {
    }

    /**
     * Starts a process that sends SIGTERM to COMMAND when this one dies without running its
     * shutdown hook (kill -9): the system then releases the lock at once, and COMMAND must not
     * go on without it. It polls five times a second, so COMMAND outlives the lock by at most
     * about that. Where there is no POSIX shell (Windows), there is no watchdog.
     */
    static Process start(Process child) {
        String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do "
                + "sleep 0.2 2>/dev/null || sleep 1; done; kill -TERM " + child.pid()
                + " 2>/dev/null";
        try {
            return new ProcessBuilder("sh", "-c", script)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
