/**
 * Not API. The router: what the rule matches and the classifier's prediction decide together
 * under a decision policy, and that policy as configured. Not exported.
 */
package org.helpdesktriage.core.internal.route;
