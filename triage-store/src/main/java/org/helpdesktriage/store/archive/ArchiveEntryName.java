package org.helpdesktriage.store.archive;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.helpdesktriage.store.file.DataFiles;

/**
 * The one check of archive entry names and types, shared by the restore of backup archives and
 * of plain tar archives: every name is canonicalised before anything else looks at it, so
 * {@code ./tickets/X.json}, {@code tickets/./X.json} and {@code tickets//X.json} are all
 * {@code tickets/X.json}, and names that could land outside the directory they are extracted
 * into are refused outright.
 *
 * <p>Refused: an absolute name ({@code /x}), a {@code ..} segment, a backslash, a drive letter
 * ({@code C:}), a control character, a name longer than {@value #MAX_LENGTH} characters; and
 * every entry that is neither a regular file nor a directory (symbolic and hard links, devices,
 * FIFOs, sparse files).
 */
final class ArchiveEntryName {

    /** The longest name accepted, in characters; ticket file names are at most 220. */
    static final int MAX_LENGTH = 4096;

    private ArchiveEntryName() {
    }

    /**
     * Returns the canonical form of an entry name: segments joined by single slashes, without
     * {@code .} segments, without a leading {@code ./} or a trailing slash; empty for the
     * archive's top directory ({@code ./}).
     *
     * @throws IllegalStateException naming the entry when the name is refused
     */
    static String canonical(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new IllegalStateException("an entry has an empty name");
        }
        if (raw.length() > MAX_LENGTH) {
            throw new IllegalStateException("an entry has a name of " + raw.length()
                    + " characters, over the limit of " + MAX_LENGTH);
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                throw refused(raw, "holds a control character or a backslash");
            }
        }
        if (raw.startsWith("/")) {
            throw refused(raw, "is absolute");
        }
        if (raw.length() >= 2 && raw.charAt(1) == ':') {
            throw refused(raw, "names a drive");
        }
        List<String> kept = new ArrayList<>();
        for (String segment : raw.split("/", -1)) {
            if (segment.equals("..")) {
                throw refused(raw, "has a '..' segment and would be written outside the data "
                        + "directory");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                kept.add(segment);
            }
        }
        return String.join("/", kept);
    }

    /**
     * Checks that an entry is a regular file or a directory, and returns whether it is a file.
     *
     * @throws IllegalStateException naming the entry otherwise
     */
    static boolean isFile(TarArchiveEntry e) {
        if (e.isDirectory()) {
            return false;
        }
        if (e.isSymbolicLink() || e.isLink()) {
            throw refused(e.getName(), "is a link");
        }
        if (!e.isFile() || e.isSparse() || e.isCharacterDevice() || e.isBlockDevice()
                || e.isFIFO()) {
            throw refused(e.getName(), "is not a regular file");
        }
        if (e.getSize() < 0) {
            throw refused(e.getName(), "declares a negative size");
        }
        return true;
    }

    static IllegalStateException refused(String raw, String why) {
        return new IllegalStateException("entry '" + DataFiles.printable(raw) + "' " + why);
    }

}
