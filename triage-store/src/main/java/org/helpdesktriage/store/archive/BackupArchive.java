package org.helpdesktriage.store.archive;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.helpdesktriage.store.file.DataFiles;

/**
 * Reads an archive of a data directory and checks it whole before anything is put in place, in
 * two passes: {@link ArchiveSurvey} checks every name, type and declared size against the
 * {@link ArchiveLimits} and writes nothing; {@link ArchiveExtraction} then checks every file's
 * content and writes it to a staging directory.
 *
 * <p>A backup archive (with {@code manifest.json} and {@code checksums.sha256}) is checked by
 * its checksums: every file listed, under exactly its listed name, with its listed SHA-256;
 * every ticket a valid ticket under its own file name; the ticket count, the file count and the
 * byte count against the manifest. A plain tar of a data directory ({@code tar czf x.tar.gz
 * data}) is checked by parsing every file in it.
 */
final class BackupArchive {

    static final String CHECKSUMS = DataFiles.CHECKSUMS;
    static final String MANIFEST = DataFiles.MANIFEST;

    /**
     * What a checked archive holds.
     *
     * @param tickets the tickets in its {@code tickets/} directory
     * @param files the files written (0 when only verifying)
     * @param manifest the manifest of a backup, {@code null} for a plain tar
     * @param backup whether it is a backup archive (checksums) rather than a plain tar
     * @param notes what was left out or repaired, for the user
     */
    record Contents(int tickets, int files, JsonNode manifest, boolean backup,
            List<String> notes) {

        Contents {
            notes = List.copyOf(notes);
        }
    }

    private BackupArchive() {
    }

    /**
     * Checks {@code archive}, extracting its data files into {@code into} (an empty directory)
     * unless that is {@code null}.
     *
     * @throws IllegalStateException saying what is wrong with the archive
     */
    static Contents verify(Path archive, Path into, ArchiveLimits limits) throws IOException {
        ArchiveSurvey survey = ArchiveSurvey.of(archive, limits);
        if (into != null) {
            long free = java.nio.file.Files.getFileStore(into).getUsableSpace();
            if (survey.totalBytes > free) {
                throw new IllegalStateException("it expands to " + survey.totalBytes
                        + " bytes, but only " + free + " are free beside the data directory");
            }
        }
        return ArchiveExtraction.run(archive, survey, limits, into);
    }

    /**
     * Checks {@code archive} whole, writing nothing, and puts the SHA-256 of every data file a
     * restore would write into {@code digests}, by its path in the data directory.
     */
    static Contents survey(Path archive, ArchiveLimits limits, java.util.Map<String, String> digests)
            throws IOException {
        return ArchiveExtraction.run(archive, ArchiveSurvey.of(archive, limits), limits, null,
                digests);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
