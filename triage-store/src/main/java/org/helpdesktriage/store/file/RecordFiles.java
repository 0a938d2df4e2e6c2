package org.helpdesktriage.store.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.io.AtomicOutput;
import org.helpdesktriage.core.store.StoreScan.CorruptRecord;

/**
 * A directory of records, one JSON file each (named by {@link FileNames}), written atomically:
 * the shape the data directory's run records ({@link RunRecords}) and dead letters
 * ({@link DeadLetters}) share. Temporary files of interrupted writes are never read.
 */
final class RecordFiles {

    /** Reads one record file. */
    @FunctionalInterface
    interface Reader<T> {

        /**
         * Returns the record in {@code file}.
         *
         * @throws IOException when it cannot be read or is not JSON
         * @throws IllegalArgumentException or {@link TriageException} when it is no record
         */
        T read(Path file) throws IOException;
    }

    private final Path dir;
    private final String singular;

    /**
     * Creates the records in {@code dir}.
     *
     * @param singular what one record is called in messages ("run record")
     */
    RecordFiles(Path dir, String singular) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.singular = Objects.requireNonNull(singular, "singular");
    }

    /** Returns the file of the record {@code id}. */
    Path file(String id) {
        return dir.resolve(FileNames.forId(id));
    }

    /** Writes the record {@code id} atomically, replacing one with the same id. */
    void write(String id, byte[] bytes) {
        Path file = file(id);
        try {
            Files.createDirectories(dir);
            AtomicOutput.write(file, bytes);
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "cannot write " + singular + " " + file + ": " + e, e);
        }
    }

    /** Returns the record files, temporary files aside, in directory order. */
    List<Path> files() {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : ds) {
                if (!AtomicOutput.isTemporary(p)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw listFailed(e);
        }
        return out;
    }

    /**
     * Returns every record that reads, in directory order; a file removed meanwhile is skipped.
     *
     * @param bad where a file that cannot be read is named; when {@code null}, its
     *     {@link TriageException} or {@link IllegalArgumentException} is thrown as it is, and
     *     an {@link IOException} as a failure to list the directory
     */
    <T> List<T> readAll(Reader<T> reader, List<CorruptRecord> bad) {
        List<T> out = new ArrayList<>();
        for (Path p : files()) {
            try {
                out.add(reader.read(p));
            } catch (NoSuchFileException e) {
                // removed meanwhile
            } catch (IOException | IllegalArgumentException | TriageException e) {
                if (bad == null) {
                    throw e instanceof IOException io ? listFailed(io) : (RuntimeException) e;
                }
                bad.add(new CorruptRecord(p.toString(), String.valueOf(e.getMessage())));
            }
        }
        return out;
    }

    /** Returns every record file that cannot be read, by location, for health checks. */
    List<CorruptRecord> problems(Reader<?> reader) {
        List<CorruptRecord> bad = new ArrayList<>();
        readAll(reader, bad);
        bad.sort(Comparator.comparing(CorruptRecord::location));
        return bad;
    }

    private TriageException listFailed(IOException e) {
        return new TriageException(ErrorCode.STORE_FAILED,
                "cannot list " + singular + "s in " + dir + ": " + e, e);
    }
}
