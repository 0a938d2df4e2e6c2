/**
 * The store's API: what every store is and holds, whatever keeps it. {@link
 * org.helpdesktriage.store.Storage} (tickets, audit log, run records, dead letters, the recorded
 * configuration), the records of runs and dead letters, health checks, the outcome of a restore,
 * the dry run over any store, and {@link org.helpdesktriage.store.RecordedRun}, the run every
 * writing command is.
 *
 * <p>Callers open a store through {@code org.helpdesktriage.store.provider.StorageProvider};
 * the implementations ({@code .file}, {@code .archive}, {@code .postgres}) depend on this
 * package and never the other way round (ArchitectureTest).
 */
package org.helpdesktriage.store;
