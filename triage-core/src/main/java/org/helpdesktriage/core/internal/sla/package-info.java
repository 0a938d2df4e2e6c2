/**
 * Not API. The SLA status of stored tickets, read back from what the storing step kept. Exported
 * to the command line only ({@code sla-status}).
 */
package org.helpdesktriage.core.internal.sla;
