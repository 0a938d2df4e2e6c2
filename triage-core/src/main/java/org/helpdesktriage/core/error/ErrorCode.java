package org.helpdesktriage.core.error;

/** Kinds of {@link TriageException}. */
public enum ErrorCode {
    /** The configuration file or a configuration value is invalid. */
    CONFIG_INVALID,
    /** An input cannot be read at all (missing, unreadable, of no known format). */
    INPUT_UNREADABLE,
    /** An output cannot be written. */
    OUTPUT_FAILED,
    /** The store or data directory cannot be used. */
    STORE_FAILED,
    /**
     * The store went away during the work: a database that stopped or a connection that broke.
     * What was committed before stays; running the work again resumes it.
     */
    STORE_UNAVAILABLE,
    /** A file system is full: no space left on the device of the path named. */
    NO_SPACE,
    /** The data directory is locked by another process. */
    LOCKED,
    /** Anything else. */
    INTERNAL
}
