/**
 * Not API. The engine's side of ingest: the normaliser that turns a read record into a valid
 * ticket or a rejection ({@link org.helpdesktriage.core.internal.ingest.TicketNormalizer}), its
 * outcome and its settings. Not exported.
 */
package org.helpdesktriage.core.internal.ingest;
