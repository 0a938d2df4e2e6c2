package org.helpdesktriage.core.internal.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;

/**
 * Tells a full disk from other I/O failures, so that it gets its own error code
 * ({@link ErrorCode#NO_SPACE}) and one message naming the file being written: "no space left on
 * device writing PATH". The system says so only in the exception's text (ENOSPC, EDQUOT and
 * Windows' ERROR_DISK_FULL have no exception type of their own), which is what is matched.
 *
 * <pre>{@code
 * } catch (IOException e) {
 *     if (NoSpace.is(e)) {
 *         throw NoSpace.error(file, e);
 *     }
 *     ...
 * }</pre>
 */
public final class NoSpace {

    private static final String[] TEXTS = {"No space left on device", "Disk quota exceeded",
        "not enough space on the disk"};

    private NoSpace() {
    }

    /** Returns whether {@code t} or one of its causes says the disk is full. */
    public static boolean is(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TriageException te && te.code() == ErrorCode.NO_SPACE) {
                return true;
            }
            if (c instanceof IOException && c.getMessage() != null) {
                for (String text : TEXTS) {
                    if (c.getMessage().contains(text)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Returns the failure "no space left on device writing {@code path}". */
    public static TriageException error(Path path, Throwable cause) {
        Objects.requireNonNull(path, "path");
        return new TriageException(ErrorCode.NO_SPACE, "no space left on device writing " + path
                + "; free some space and run again", cause);
    }

    /**
     * Returns {@code t} as a full-disk failure when it is one, naming the file from the first
     * cause that names one (a {@link FileSystemException}, as {@link AtomicOutput} throws).
     */
    public static Optional<TriageException> of(Throwable t) {
        if (!is(t)) {
            return Optional.empty();
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TriageException te && te.code() == ErrorCode.NO_SPACE) {
                return Optional.of(te);
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof FileSystemException fse && fse.getFile() != null) {
                return Optional.of(error(Path.of(fse.getFile()), t));
            }
        }
        return Optional.of(new TriageException(ErrorCode.NO_SPACE,
                "no space left on device; free some space and run again", t));
    }

    /** Returns a failure naming {@code target} for an I/O failure writing it, a full disk kept. */
    static IOException naming(Path target, IOException e) {
        if (!is(e) || e instanceof FileSystemException fse && fse.getFile() != null) {
            return e;
        }
        FileSystemException named = new FileSystemException(target.toString(), null,
                "No space left on device");
        named.initCause(e);
        return named;
    }
}
