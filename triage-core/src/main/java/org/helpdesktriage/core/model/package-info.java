/**
 * API. The ticket and its values: {@link org.helpdesktriage.core.model.Ticket}, priorities,
 * statuses, the configured categories and a field's error. No behaviour beyond checking values.
 */
package org.helpdesktriage.core.model;
