package org.helpdesktriage.store.archive;

import java.util.List;
import java.util.TreeSet;
import org.helpdesktriage.store.file.FileStore;
import org.helpdesktriage.store.file.FormatVersion;

/**
 * Finds the data directory inside a plain tar archive: {@code tar czf x.tar.gz data} puts it
 * under {@code data/}, {@code tar czf x.tar.gz -C data .} under {@code ./}, and
 * {@code tar czf x.tar.gz /var/lib/helpdesk} under {@code var/lib/helpdesk/}.
 *
 * <p>The data directory is the one holding {@code format-version}; a directory of format 0 has
 * none, and is then the one holding {@code tickets/}. An archive holding two data directories,
 * or none, is refused.
 */
final class PlainTarLayout {

    private PlainTarLayout() {
    }

    /**
     * Returns the prefix of the data directory's entries: empty, or a canonical path ending in
     * a slash.
     *
     * @throws IllegalStateException when the archive holds no data directory, or several
     */
    static String prefixOf(List<ArchiveSurvey.Entry> files) {
        TreeSet<String> versions = new TreeSet<>();
        TreeSet<String> ticketDirs = new TreeSet<>();
        String marker = "/" + FileStore.TICKETS + "/";
        for (ArchiveSurvey.Entry f : files) {
            String name = f.name();
            if (name.equals(FormatVersion.FILE)) {
                versions.add("");
            } else if (name.endsWith("/" + FormatVersion.FILE)) {
                versions.add(name.substring(0, name.length() - FormatVersion.FILE.length()));
            }
            String slashed = "/" + name;
            int at = slashed.lastIndexOf(marker);
            if (at >= 0 && slashed.indexOf('/', at + marker.length()) < 0) {
                ticketDirs.add(at == 0 ? "" : name.substring(0, at) + "/");
            }
        }
        if (versions.size() > 1) {
            throw new IllegalStateException("it holds more than one data directory: "
                    + versions.stream().map(v -> "'" + v + FormatVersion.FILE + "'").toList());
        }
        if (versions.size() == 1) {
            return versions.first();
        }
        if (ticketDirs.isEmpty()) {
            throw new IllegalStateException("it holds no data directory (no format-version, "
                    + "no tickets/ directory) and is not a backup (no manifest.json and "
                    + "checksums.sha256)");
        }
        // the shortest: "archive/tickets/" is cleanup's store inside the data directory
        return ticketDirs.stream().min(java.util.Comparator.comparingInt(String::length))
                .orElseThrow();
    }
}
