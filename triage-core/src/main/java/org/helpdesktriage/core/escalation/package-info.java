/**
 * API. Escalation decisions: which tickets are due to escalate, by age or by SLA stage, and what
 * escalating them changes. Pure decisions: nothing here reads or writes a store; {@link
 * org.helpdesktriage.core.EscalationSweep} stores them.
 */
package org.helpdesktriage.core.escalation;
