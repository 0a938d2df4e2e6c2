/**
 * The helpdesk-triage stores: what the library keeps between runs (tickets, audit entries, run
 * records, dead letters), in a data directory or a PostgreSQL database, opened through one
 * provider ({@link org.helpdesktriage.store.provider.StorageProvider}).
 *
 * <p>The exports are the API: {@code org.helpdesktriage.store} (storage, runs, dead letters and
 * what they exchange) and {@code org.helpdesktriage.store.provider} (the front door, chosen by
 * configuration). The file, archive, PostgreSQL and internal packages are implementations and
 * are not exported. Flyway names no module of its own; it is required by the name derived from
 * its jar file, which is stable.
 */
module org.helpdesktriage.store {
    requires transitive org.helpdesktriage.core;
    requires com.fasterxml.jackson.databind;
    requires java.sql;
    requires org.apache.commons.compress;
    requires org.slf4j;
    requires org.postgresql.jdbc;
    requires com.zaxxer.hikari;
    requires flyway.core;

    exports org.helpdesktriage.store;
    exports org.helpdesktriage.store.provider;

    // the data directory backs itself up before a migration through the archives, which sit
    // above it (docs/architecture.md)
    uses org.helpdesktriage.store.file.DataDirectory.MigrationBackup;
    provides org.helpdesktriage.store.file.DataDirectory.MigrationBackup
            with org.helpdesktriage.store.archive.BackupBeforeMigration;
}
