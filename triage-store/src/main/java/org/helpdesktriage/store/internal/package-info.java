/**
 * Plumbing shared by the store's packages and by no one else: the JSON mapper of stored files,
 * and {@link org.helpdesktriage.store.internal.LockWait}, how both stores wait for their lock.
 * Not API (an {@code internal} segment, checked by the command line's InternalPackagesTest).
 */
package org.helpdesktriage.store.internal;
