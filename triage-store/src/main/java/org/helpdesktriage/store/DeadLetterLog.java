package org.helpdesktriage.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.helpdesktriage.store.file.DeadLetters;

/**
 * Keeps records that failed, with the reason, for a retry: files in the data directory
 * ({@link DeadLetters}) or rows of the PostgreSQL store
 * ({@code org.helpdesktriage.store.postgres.PostgresDeadLetters}).
 */
public interface DeadLetterLog {

    /** Saves a dead letter, replacing one with the same id. */
    void save(DeadLetter letter);

    /** Returns the dead letter with this id, or empty. */
    Optional<DeadLetter> get(String id);

    /** Removes the dead letter with this id; returns whether there was one. */
    boolean remove(String id);

    /** Returns every dead letter, oldest first (ties by id). */
    List<DeadLetter> list();

    /** Returns the {@code n} oldest dead letters, for a bulk retry. */
    default List<DeadLetter> oldest(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("take " + n + ": must be at least 1");
        }
        List<DeadLetter> all = list();
        return all.subList(0, Math.min(n, all.size()));
    }

    /**
     * Removes the dead letters last failed before {@code cutoff}; returns them, oldest first.
     * Writers must hold the lock.
     */
    default List<DeadLetter> pruneBefore(Instant cutoff) {
        java.util.Objects.requireNonNull(cutoff, "cutoff");
        List<DeadLetter> old = list().stream().filter(d -> d.time().isBefore(cutoff)).toList();
        old.forEach(d -> remove(d.id()));
        return old;
    }

    /** Returns how many dead letters there are. */
    default int count() {
        return list().size();
    }
}
