package org.helpdesktriage.archfixture.store.archive;

/** A planted archive class that a planted data-directory class wrongly uses. */
public final class ArchiveReader {

    private ArchiveReader() {
    }

    /** Returns a name, as an archive would. */
    public static String name() {
        return "manifest.json";
    }
}
