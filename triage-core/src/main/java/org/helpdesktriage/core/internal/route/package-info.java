/**
 * Not API. The router: what the rule matches and the classifier's prediction decide together
 * under the configured decision policy, and the priority matrix applied to its route. Not
 * exported.
 */
package org.helpdesktriage.core.internal.route;
