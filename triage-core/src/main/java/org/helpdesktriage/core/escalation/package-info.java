/**
 * Escalation: which stored tickets are due to escalate, by age or by SLA stage, and the sweep
 * that applies it.
 */
package org.helpdesktriage.core.escalation;
