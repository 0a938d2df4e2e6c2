/**
 * Backup archives of a data directory: writing and verifying them, reading one within limits
 * (every name, type, size and checksum checked before anything is written), restoring one all
 * or nothing, and planning a restore. The PostgreSQL store writes and reads the same format
 * ({@link org.helpdesktriage.store.archive.DataImage}). Depends on the data directory package
 * and the API.
 */
package org.helpdesktriage.store.archive;
