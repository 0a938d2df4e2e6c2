/**
 * The score of a triaged ticket and its components.
 */
package org.helpdesktriage.core.scoring;
