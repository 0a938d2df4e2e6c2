/**
 * Not API. Files written atomically ({@link org.helpdesktriage.core.internal.io.AtomicOutput})
 * and the ticket JSON the stores keep.
 * Exported to the store and the command line only.
 */
package org.helpdesktriage.core.internal.io;
