package org.helpdesktriage.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a restore did.
 *
 * @param tickets how many tickets the restored store holds
 * @param previous where the replaced data directory was moved, if there was one (never, for the
 *     PostgreSQL store, which is replaced in one transaction)
 * @param backup whether the archive was a backup (checked by its checksums) rather than a
 *     plain tar (checked by parsing every file)
 * @param notes what was left out or repaired on the way (the lock file, temporary files, an
 *     unfinished audit line)
 */
public record RestoreResult(int tickets, Optional<Path> previous, boolean backup,
        List<String> notes) {

    /** Checks the arguments and copies the notes. */
    public RestoreResult {
        Objects.requireNonNull(previous, "previous");
        notes = List.copyOf(notes);
    }
}
