/**
 * Routing: what the rule matches and the classifier's prediction decide together under a decision
 * policy.
 */
package org.helpdesktriage.core.route;
