/**
 * Not API. Rules compiled once (conditions, keyword lists with a vocabulary per rule set) and
 * evaluated and explained against a ticket's facts. Not exported.
 */
package org.helpdesktriage.core.internal.rules;
