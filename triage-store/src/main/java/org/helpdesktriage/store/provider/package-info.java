/**
 * The storage provider, the store's front door: opens the store the configuration names (the
 * data directory or the PostgreSQL database, {@link
 * org.helpdesktriage.store.provider.StoreSettings}) and offers what operators do with it (backup,
 * restore, health, migrate, the lock, cleanup), so that no caller names a store class. The only
 * package besides the API that the command line uses; it depends on every implementation
 * package, and none depends on it.
 */
package org.helpdesktriage.store.provider;
