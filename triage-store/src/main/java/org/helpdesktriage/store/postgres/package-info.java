/**
 * The PostgreSQL store, shared by many processes: tickets, audit log, run records and dead
 * letters (one {@link org.helpdesktriage.store.postgres.RecordTable} shape), an advisory lock
 * waited for as the data directory's is, Flyway migrations, backup and restore in the data
 * directory's archive format. Uses the archives, the API and the internal plumbing; only the
 * provider uses it.
 */
package org.helpdesktriage.store.postgres;
