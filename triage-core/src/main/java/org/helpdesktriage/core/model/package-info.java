/**
 * The ticket and its values: {@link org.helpdesktriage.core.model.Ticket}, priorities, statuses
 * and the configured categories. No behaviour beyond checking values.
 */
package org.helpdesktriage.core.model;
