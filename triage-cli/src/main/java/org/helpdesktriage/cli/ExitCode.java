package org.helpdesktriage.cli;

/**
 * The exit codes of {@code helpdesk-triage}, as documented in {@code --help} and docs/cli.md.
 *
 * <ul>
 *   <li>0 {@link #OK}: every record triaged (or the command succeeded);</li>
 *   <li>1 {@link #ERROR}: an unexpected error;</li>
 *   <li>2 {@link #USAGE}: the command line is wrong;</li>
 *   <li>3 {@link #INPUT_OR_CONFIG}: the input cannot be read or the configuration is invalid;</li>
 *   <li>4 {@link #REJECTED}: some records were rejected; the rest were written.</li>
 *   <li>5 {@link #LOCKED}: another process holds the data directory's lock.</li>
 *   <li>6 {@link #DATA_PROBLEM}: the data directory has a problem (a corrupt file, an
 *       unhealthy check, a refused backup or restore, a symbolic link inside it, a folder
 *       named as the data directory that is not one, a database that went away).</li>
 *   <li>7 {@link #NO_SPACE}: a disk filled up; the summary says what was stored, rejected and
 *       not processed, and a rerun after freeing space completes.</li>
 *   <li>130 {@link #SIGINT}, 143 {@link #SIGTERM}: the run was stopped by the signal at a chunk
 *       boundary; its run record says {@code interrupted}.</li>
 * </ul>
 */
public enum ExitCode {
    /** Every record triaged, or the command succeeded. */
    OK(0),
    /** An unexpected error. */
    ERROR(1),
    /** The command line is wrong. */
    USAGE(2),
    /** The input cannot be read, or the configuration is invalid. */
    INPUT_OR_CONFIG(3),
    /** Some records were rejected; the rest were written. */
    REJECTED(4),
    /** Another process holds the data directory's lock. */
    LOCKED(5),
    /** The data directory has a problem: a corrupt file, a failed check, a refused archive. */
    DATA_PROBLEM(6),
    /** A disk filled up: no space left on the device of the path named. */
    NO_SPACE(7),
    /** Stopped by SIGINT (Ctrl-C) at a chunk boundary: 128 + 2. */
    SIGINT(130),
    /** Stopped by SIGTERM at a chunk boundary: 128 + 15. */
    SIGTERM(143);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** Returns the process exit code. */
    public int code() {
        return code;
    }
}
