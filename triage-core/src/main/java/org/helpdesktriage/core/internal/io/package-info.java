/**
 * Not API. Files written atomically ({@link org.helpdesktriage.core.internal.io.AtomicOutput}),
 * the ticket JSON the stores keep, and the limits that bound what an input record may hold.
 * Exported to the store and the command line only.
 */
package org.helpdesktriage.core.internal.io;
