/**
 * Not API. What the engine and the tools derive from a configuration for internal parts (the
 * ingest settings), kept out of {@link org.helpdesktriage.core.config.TriageConfig}'s API. Not
 * exported.
 */
package org.helpdesktriage.core.internal.config;
