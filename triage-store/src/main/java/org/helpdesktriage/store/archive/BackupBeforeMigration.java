package org.helpdesktriage.store.archive;

import java.nio.file.Path;
import java.time.Clock;
import org.helpdesktriage.store.file.DataDirectory;

/**
 * The backup a data directory writes before a migration changes it: a verified {@link Backup}
 * archive. Installed as a {@link java.util.ServiceLoader} service
 * ({@code META-INF/services}), so the data directory finds it without depending on this package.
 */
public final class BackupBeforeMigration implements DataDirectory.MigrationBackup {

    /** Creates the service; the service loader calls this. */
    public BackupBeforeMigration() {
        // no state: each backup is written by Backup.create
    }

    @Override
    public Path write(Path root, Path backups, Clock clock) {
        return Backup.create(root, backups, clock);
    }
}
