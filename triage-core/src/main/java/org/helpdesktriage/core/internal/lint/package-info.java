/**
 * Not API. What a reviewer of a configuration would miss, found from its rules and SLA policies
 * alone: {@link org.helpdesktriage.core.internal.lint.ConfigLint}. Exported to the command line
 * only.
 */
package org.helpdesktriage.core.internal.lint;
