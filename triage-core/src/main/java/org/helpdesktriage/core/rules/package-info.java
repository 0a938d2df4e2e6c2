/**
 * Rules: their definitions as configured, conditions compiled once, and their evaluation and
 * explanation against a ticket's facts.
 */
package org.helpdesktriage.core.rules;
