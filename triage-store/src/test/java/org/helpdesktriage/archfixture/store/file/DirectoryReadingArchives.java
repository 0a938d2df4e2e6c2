package org.helpdesktriage.archfixture.store.file;

import org.helpdesktriage.archfixture.store.archive.ArchiveReader;

/** Planted: a data-directory class that reaches up into the archives, which the layers forbid. */
public final class DirectoryReadingArchives {

    private DirectoryReadingArchives() {
    }

    static String manifest() {
        return ArchiveReader.name();
    }
}
