/**
 * Files written atomically ({@link org.helpdesktriage.core.internal.io.AtomicOutput}) and the limits that
 * bound what an input record may hold.
 */
package org.helpdesktriage.core.internal.io;
