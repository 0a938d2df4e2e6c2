/**
 * The PostgreSQL store, shared by many processes: tickets, audit log, run records, dead letters,
 * an advisory lock, Flyway migrations, backup and restore in the data directory's archive format.
 */
package org.helpdesktriage.store.postgres;
