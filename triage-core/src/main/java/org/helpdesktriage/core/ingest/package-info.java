/**
 * Reading records (JSON, JSON Lines, CSV, text blocks) and turning each into a valid ticket or a
 * rejection that names every field error: readers, the normaliser, history layouts.
 */
package org.helpdesktriage.core.ingest;
