/**
 * Not API. The SLA status of stored tickets, read back from what the storing step kept. Not
 * exported.
 */
package org.helpdesktriage.core.internal.sla;
