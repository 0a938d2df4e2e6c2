/**
 * The data directory and what operates it: the file store, its lock, audit log, dead letters and
 * run records, backup and restore, dry runs, and the recorded run every writing command is.
 */
package org.helpdesktriage.store;
