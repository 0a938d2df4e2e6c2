package org.helpdesktriage.cli;

import java.nio.file.Path;
import java.time.Clock;
import org.helpdesktriage.store.archive.Backup;

/**
 * A backup in a child JVM that takes no lock of its own: run by {@code with-lock}, whose lock
 * covers it, so that a tar and a backup are taken under one and the same lock.
 */
public final class BackupUnderLockMain {

    private BackupUnderLockMain() {
    }

    /** Backs up the data directory {@code args[0]} into {@code args[1]}. */
    public static void main(String[] args) {
        System.out.println(Backup.create(Path.of(args[0]), Path.of(args[1]), Clock.systemUTC()));
    }
}
