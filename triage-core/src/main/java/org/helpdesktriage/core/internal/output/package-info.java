/**
 * Writers of results and rejects, one class per format (JSON, JSON Lines, CSV).
 */
package org.helpdesktriage.core.internal.output;
