package org.helpdesktriage.archfixture.store.file;

/** A planted store implementation that a planted command wrongly names. */
public final class FileStoreImpl {

    /** Returns a count, as a store would. */
    public int count() {
        return 0;
    }
}
