package org.helpdesktriage.store.provider;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a backup wrote.
 *
 * @param archive the archive, written and verified
 * @param store the store backed up, for messages
 * @param contents what a data directory's archive holds ("3 ticket(s), 1 audit file(s), 2 run
 *     record(s)"); empty for the database's snapshot
 */
public record BackupResult(Path archive, String store, Optional<String> contents) {

    /** Checks the arguments. */
    public BackupResult {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(contents, "contents");
    }
}
