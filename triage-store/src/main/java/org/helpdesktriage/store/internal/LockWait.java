package org.helpdesktriage.store.internal;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;

/**
 * Waits for a store's lock the one way both stores do (the data directory's lock file and the
 * PostgreSQL advisory lock): try, and while another process holds the lock, pause (25 ms,
 * doubling up to a second) until {@code wait} is over, then fail naming the holders.
 */
public final class LockWait {

    private LockWait() {
    }

    /** One try at the lock. */
    @FunctionalInterface
    public interface Attempt<T, E extends Exception> {

        /** Returns the lock when this try took it, else empty. */
        Optional<T> once() throws E;
    }

    /** The holders of the lock, asked only when waiting is over. */
    @FunctionalInterface
    public interface Holders<E extends Exception> {

        /** Returns each holder as "pid 12 on host h since ... (command x)"; empty if unknown. */
        List<String> describe() throws E;
    }

    /**
     * Returns the lock {@code attempt} takes, trying until {@code wait} is over.
     *
     * @param what the locked store, for messages ("data directory /srv/data")
     * @throws IllegalArgumentException when {@code wait} is negative
     * @throws TriageException with {@link ErrorCode#LOCKED} naming the holders when the lock is
     *     still held after {@code wait}, or when the thread is interrupted while it waits (its
     *     interrupt flag set again)
     */
    public static <T, E extends Exception> T acquire(String what, Duration wait,
            Attempt<T, E> attempt, Holders<E> holders) throws E {
        Objects.requireNonNull(what, "what");
        if (wait.isNegative()) {
            throw new IllegalArgumentException("wait " + wait + " is negative");
        }
        long deadline = System.nanoTime() + wait.toNanos();
        long pauseMillis = 25;
        while (true) {
            Optional<T> lock = attempt.once();
            if (lock.isPresent()) {
                return lock.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                List<String> by = holders.describe();
                throw new TriageException(ErrorCode.LOCKED, what + " is locked by "
                        + (by.isEmpty() ? "a process that has not yet written its name"
                                : String.join("; ", by))
                        + (wait.isZero() ? "" : "; waited " + wait.toSeconds() + " s")
                        + "; try again later, or use a longer --wait");
            }
            try {
                Thread.sleep(Math.min(pauseMillis, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TriageException(ErrorCode.LOCKED, "interrupted while waiting for the "
                        + "lock of " + what, e);
            }
            pauseMillis = Math.min(pauseMillis * 2, 1000);
        }
    }
}
