/**
 * Not API. Field names, aliases and value checks that the readers of {@code core.ingest} and the
 * normaliser of {@code core.internal.ingest} share. Not exported.
 */
package org.helpdesktriage.core.internal.ingest.fields;
