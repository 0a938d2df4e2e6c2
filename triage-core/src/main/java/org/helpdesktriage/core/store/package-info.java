/**
 * API. A service provider interface: what the storing step ({@link
 * org.helpdesktriage.core.StoringStep}) needs of a store, {@link
 * org.helpdesktriage.core.store.TicketStore} and {@link org.helpdesktriage.core.store.AuditLog}.
 * The implementations (memory, file, PostgreSQL) live in triage-store.
 */
package org.helpdesktriage.core.store;
