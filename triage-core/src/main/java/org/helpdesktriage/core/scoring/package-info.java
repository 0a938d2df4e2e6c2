/**
 * API. The score of a triaged ticket and its components, and the configured weights. The scorer
 * itself is in {@code core.internal.scoring}.
 */
package org.helpdesktriage.core.scoring;
