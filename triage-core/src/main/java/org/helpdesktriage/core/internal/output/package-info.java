/**
 * Not API. Writers of results and rejects, one class per format (JSON, JSON Lines, CSV).
 * Exported to the command line and the streams app only.
 */
package org.helpdesktriage.core.internal.output;
