package org.helpdesktriage.core.error;

import java.util.Objects;

/**
 * The one unchecked root of the library's domain failures: a bad configuration, an unreadable
 * input, a store that cannot be used. Its {@link ErrorCode} tells callers (and the CLI's exit
 * code) what kind of failure it is; its message is a full sentence naming the file, line and
 * field where they are known.
 */
public class TriageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /** Creates an exception with a code and a message. */
    public TriageException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Creates an exception with a code, a message and its cause. */
    public TriageException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Returns what kind of failure this is. */
    public ErrorCode code() {
        return code;
    }
}
