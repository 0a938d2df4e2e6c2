/**
 * The data directory: one file per ticket, the audit log, run records and dead letters as
 * files, its lock, format version and migrations, the leftovers of interrupted runs, what may
 * live in the folder, and its health checks. Depends only on the store's API: it writes no
 * archive itself, and finds the backup a migration writes first as a service
 * ({@link org.helpdesktriage.store.file.DataDirectory.MigrationBackup}, provided by the archives).
 */
package org.helpdesktriage.store.file;
