package org.helpdesktriage.store.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.io.AtomicOutput;

/**
 * The format version of a data directory, kept as text in {@code <root>/format-version}.
 *
 * <p>Version {@value #CURRENT} is the layout of this program: {@code tickets/}, {@code audit/},
 * {@code lock}. A directory with {@code tickets/} but no version file is version 0 (written by
 * the original service or an early build); it has the same layout and migrates by writing the
 * file. See {@link Migrations}.
 */
public final class FormatVersion {

    /** The version this program writes and understands. */
    public static final int CURRENT = 1;

    /** The name of the version file. */
    public static final String FILE = "format-version";

    private FormatVersion() {
    }

    /**
     * Returns the version of the data directory: the file's number, 0 for a directory with
     * tickets but no file, empty for a new or empty directory.
     *
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} when the file is not a number
     */
    public static Optional<Integer> read(Path root) {
        Path file = root.resolve(FILE);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            return Files.isDirectory(root.resolve(FileStore.TICKETS)) ? Optional.of(0)
                    : Optional.empty();
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED, "cannot read " + file + ": " + e, e);
        }
        try {
            int v = Integer.parseInt(text);
            if (v < 1) {
                throw new NumberFormatException();
            }
            return Optional.of(v);
        } catch (NumberFormatException e) {
            throw new TriageException(ErrorCode.STORE_FAILED, file + " holds '" + text
                    + "', not a format version (a whole number, 1 or more)");
        }
    }

    /** Writes the version file atomically. */
    public static void write(Path root, int version) throws IOException {
        AtomicOutput.write(root.resolve(FILE), (version + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Checks that this program understands the version.
     *
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} telling the user to upgrade
     */
    public static void checkReadable(Path root, int version) {
        if (version > CURRENT) {
            throw new TriageException(ErrorCode.STORE_FAILED, "data directory " + root
                    + " has format version " + version + "; this program understands up to "
                    + CURRENT + "; upgrade helpdesk-triage");
        }
    }
}
