package org.helpdesktriage.store.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.io.AtomicOutput;
import org.helpdesktriage.store.RecordedConfig;

/**
 * What a folder named as a data directory is, decided before anything is written to it, so that
 * a mistyped {@code --data-dir} (a project folder, {@code examples/}, a home directory) is never
 * turned into a data directory: no lock file, no {@code format-version}, no {@code tickets/},
 * and no temporary-looking file of someone else's removed as a leftover.
 *
 * <p>A folder is a data directory when it holds {@code format-version}, or, for directories of
 * format 0 that the original service and early builds wrote without that file, when it holds
 * nothing but entries a data directory has: {@code tickets/}, {@code audit/},
 * {@code runs/}, {@code dead-letters/}, {@code archive/}, {@code lock},
 * {@code configuration.json}, leftovers of interrupted runs and older restores, and
 * {@code lost+found}, which a file system mounted there brings. A missing or empty folder
 * becomes a data directory when first opened for writing. Anything else is refused.
 *
 * <pre>{@code
 * DataFolder.refuseForeign(root);   // before taking the lock
 * }</pre>
 */
public final class DataFolder {

    /** The names a data directory of any format may hold at its top. */
    static final Set<String> ENTRIES = Set.of(FormatVersion.FILE, DataDirectoryLock.FILE,
            FileStore.TICKETS, FileAuditLog.AUDIT, RunRecords.DIRECTORY, DeadLetters.DIRECTORY,
            DataFiles.ARCHIVE, RecordedConfig.FILE, DataFiles.MANIFEST,
            DataFiles.CHECKSUMS, LedgerFile.DIRECTORY, "lost+found");

    /** How many foreign entries a message names. */
    private static final int NAMED = 5;

    /** What a folder is. */
    public enum State {
        /** Nothing is there yet: it becomes a data directory when first opened for writing. */
        MISSING,
        /** An empty folder: it becomes a data directory when first opened for writing. */
        EMPTY,
        /** A data directory: {@code format-version}, or only data-directory entries. */
        DATA_DIRECTORY,
        /** A folder holding other things and no {@code format-version}: never written to. */
        NOT_A_DATA_DIRECTORY
    }

    /**
     * What a folder was found to be.
     *
     * @param root the folder
     * @param state what it is
     * @param foreign for {@link State#NOT_A_DATA_DIRECTORY}, the names at its top that a data
     *     directory never holds, sorted; otherwise empty
     */
    public record Survey(Path root, State state, List<String> foreign) {

        /** Checks the arguments. */
        public Survey {
            Objects.requireNonNull(root, "root");
            Objects.requireNonNull(state, "state");
            foreign = List.copyOf(foreign);
        }

        /** Returns whether the folder may be opened for writing: anything but foreign. */
        public boolean usable() {
            return state != State.NOT_A_DATA_DIRECTORY;
        }

        /**
         * Describes what the folder holds for a refusal: "config.json, tickets.json and 9 more
         * entries".
         */
        public String foreignEntries() {
            int shown = Math.min(foreign.size(), NAMED);
            int more = foreign.size() - shown;
            return String.join(", ", foreign.subList(0, shown)) + (more == 0 ? ""
                    : " and " + more + (more == 1 ? " more entry" : " more entries"));
        }
    }

    private DataFolder() {
    }

    /**
     * Surveys the folder {@code root}, reading only its top level.
     *
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} when it cannot be listed, or
     *     when {@code root} is something other than a folder
     */
    public static Survey survey(Path root) {
        Objects.requireNonNull(root, "root");
        if (!Files.exists(root)) {
            return new Survey(root, State.MISSING, List.of());
        }
        if (!Files.isDirectory(root)) {
            throw new TriageException(ErrorCode.STORE_FAILED, "data directory " + root
                    + " is a file, not a folder; name an empty or new folder, or an existing "
                    + "data directory");
        }
        boolean empty = true;
        boolean versioned = false;
        List<String> foreign = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                empty = false;
                String name = entry.getFileName().toString();
                if (name.equals(FormatVersion.FILE)) {
                    versioned = true;
                } else if (!ENTRIES.contains(name)
                        && !name.startsWith(AtomicOutput.TEMP_PREFIX)) {
                    foreign.add(name);
                }
            }
        } catch (IOException e) {
            throw new TriageException(ErrorCode.STORE_FAILED,
                    "cannot list data directory " + root + ": " + e, e);
        }
        if (empty) {
            return new Survey(root, State.EMPTY, List.of());
        }
        if (versioned || foreign.isEmpty()) {
            return new Survey(root, State.DATA_DIRECTORY, List.of());
        }
        foreign.sort(null);
        return new Survey(root, State.NOT_A_DATA_DIRECTORY, foreign);
    }

    /**
     * Refuses a folder that is not a data directory, before anything is written to it; a data
     * directory, an empty folder or a missing one passes.
     *
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} naming the folder, what it
     *     holds and what to do instead
     */
    public static void refuseForeign(Path root) {
        Survey survey = survey(root);
        if (!survey.usable()) {
            throw new TriageException(ErrorCode.STORE_FAILED, root + " is not a data "
                    + "directory: it holds " + survey.foreignEntries() + " and no "
                    + FormatVersion.FILE + "; nothing was written to it. Name an empty or new "
                    + "folder as the data directory (--data-dir or store_path), or an existing "
                    + "data directory");
        }
    }
}
