package org.helpdesktriage.archfixture.cli;

import org.helpdesktriage.archfixture.store.file.FileStoreImpl;

/** Planted: a command that opens a store implementation itself instead of the provider. */
final class CommandNamingAStoreClass {

    int run() {
        return new FileStoreImpl().count();
    }
}
