/**
 * Not API. Rules compiled once (conditions, keyword lists with a vocabulary per rule set) and
 * evaluated and explained against a ticket's facts. Exported to the command line only
 * ({@code health} counts the compiled rules through {@code TriageEngine.rules()}).
 */
package org.helpdesktriage.core.internal.rules;
