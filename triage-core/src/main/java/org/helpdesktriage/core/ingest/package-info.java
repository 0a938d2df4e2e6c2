/**
 * API. Reading records (JSON, JSON Lines, CSV, text blocks) and turning each into a valid ticket
 * or a rejection that names every field error: {@link
 * org.helpdesktriage.core.ingest.RecordReaders}, history layouts. The readers per format are
 * package-private; the normaliser is the engine's ({@code core.internal.ingest}).
 */
package org.helpdesktriage.core.ingest;
