/**
 * API. The one unchecked exception of the library, {@link
 * org.helpdesktriage.core.error.TriageException}, and the {@link
 * org.helpdesktriage.core.error.ErrorCode} it carries, which the command line maps to an exit
 * code.
 */
package org.helpdesktriage.core.error;
