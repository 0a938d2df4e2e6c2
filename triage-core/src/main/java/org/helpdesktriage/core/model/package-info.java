/**
 * API. The ticket and its values: {@link org.helpdesktriage.core.model.Ticket}, priorities,
 * statuses, the configured categories, a field's error and the limits on what a record may hold
 * ({@link org.helpdesktriage.core.model.InputLimits}). No behaviour beyond checking values.
 */
package org.helpdesktriage.core.model;
