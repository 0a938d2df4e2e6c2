/**
 * Not API. What changed between two versions of a ticket, for the audit entries the storing side
 * writes. Not exported.
 */
package org.helpdesktriage.core.internal.store;
