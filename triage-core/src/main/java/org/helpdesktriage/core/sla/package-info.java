/**
 * API. SLA clocks: business-hours calendars (time zones, holidays, DST), policies, due times,
 * escalation stages and the SLA state of a stored ticket.
 */
package org.helpdesktriage.core.sla;
