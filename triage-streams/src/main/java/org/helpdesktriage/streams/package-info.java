/**
 * Triage as a Kafka Streams application, exactly once.
 */
package org.helpdesktriage.streams;
