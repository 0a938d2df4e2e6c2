/**
 * What a reviewer of a configuration would miss, found from its rules and SLA policies alone:
 * {@link org.helpdesktriage.core.internal.lint.ConfigLint}.
 */
package org.helpdesktriage.core.internal.lint;
