package org.helpdesktriage.store.archive;

/**
 * The bounds a restore keeps to while it reads an archive, so that no archive, however crafted,
 * can fill the disk or the heap before it is refused. Every bound is checked against the sizes
 * the archive's headers declare, in a first pass that writes nothing; the second pass extracts
 * only what the first accepted, byte for byte.
 *
 * @param maxEntries how many entries (files and directories) an archive may hold
 * @param maxRecordBytes the largest ticket, run record, dead letter or audit line, in bytes
 * @param maxEntryBytes the largest file, in bytes
 * @param maxTotalBytes the most bytes a restore writes, in all
 * @param maxExpansion how many times its own size an archive may expand to, beyond
 *     {@code expansionFloorBytes}: a gzip bomb expands a thousandfold, data directories about
 *     ten times
 * @param expansionFloorBytes what any archive may expand to, however small
 */
public record ArchiveLimits(long maxEntries, long maxRecordBytes, long maxEntryBytes,
        long maxTotalBytes, long maxExpansion, long expansionFloorBytes) {

    /** Checks that every bound is positive. */
    public ArchiveLimits {
        long[] all = {maxEntries, maxRecordBytes, maxEntryBytes, maxTotalBytes, maxExpansion,
            expansionFloorBytes};
        for (long v : all) {
            if (v < 1) {
                throw new IllegalArgumentException("archive limits must be positive: " + this);
            }
        }
    }

    /**
     * Returns the defaults: 2,000,000 entries, 64 MiB per record, 4 GiB per file, 256 GiB in
     * all, and at most 200 times the archive's size beyond 256 MiB.
     */
    public static ArchiveLimits defaults() {
        return new ArchiveLimits(2_000_000, 64L << 20, 4L << 30, 256L << 30, 200, 256L << 20);
    }

    /** Returns limits that bound nothing but the JVM, for verifying an archive just written. */
    static ArchiveLimits unbounded() {
        return new ArchiveLimits(Long.MAX_VALUE, Integer.MAX_VALUE - 64, Long.MAX_VALUE,
                Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /** Returns the most bytes an archive of {@code archiveBytes} may expand to. */
    long totalFor(long archiveBytes) {
        long byRatio = archiveBytes > Long.MAX_VALUE / maxExpansion ? Long.MAX_VALUE
                : archiveBytes * maxExpansion;
        return Math.min(maxTotalBytes, Math.max(byRatio, expansionFloorBytes));
    }
}
