package org.helpdesktriage.store.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;

/**
 * The one rule on symbolic links inside a data directory: there are none. The directory itself
 * may be a link (the user named it), but its lock file, format version and folders
 * ({@code tickets/}, {@code audit/}, {@code runs/}, {@code dead-letters/}, {@code archive/})
 * must be the real thing: a link there would make a write land outside the directory (a
 * {@code lock} link truncates its target), or make a backup miss what it points to. Every
 * command that opens the directory refuses a link with the same message, naming it; health
 * reports it, and also links to files inside the folders, which reads skip and writes replace.
 */
public final class DataLinks {

    private static final String[] NAMED = {DataDirectoryLock.FILE, FormatVersion.FILE,
        FileStore.TICKETS, FileAuditLog.AUDIT, RunRecords.DIRECTORY, DeadLetters.DIRECTORY,
        DataFiles.ARCHIVE, LedgerFile.DIRECTORY};

    private static final String[] FOLDERS = {FileStore.TICKETS, FileAuditLog.AUDIT,
        RunRecords.DIRECTORY, DeadLetters.DIRECTORY, LedgerFile.DIRECTORY};

    private DataLinks() {
    }

    /**
     * Refuses a data directory with a symbolic link where one of its own files or folders
     * should be.
     *
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} naming the link
     */
    public static void refuse(Path root) {
        for (String name : NAMED) {
            Path p = root.resolve(name);
            if (Files.isSymbolicLink(p)) {
                throw new TriageException(ErrorCode.STORE_FAILED, refusal(p));
            }
        }
    }

    /** Returns the message refusing the link {@code link}; the same for every command. */
    static String refusal(Path link) {
        return "data directory entry " + link + " is a symbolic link" + target(link)
                + "; helpdesk-triage never follows links inside a data directory: put the real "
                + "file or folder there (or link the whole data directory instead)";
    }

    /**
     * Returns every symbolic link in the data directory: its own entries and the files inside
     * its folders, for health checks.
     */
    static List<Path> find(Path root) {
        List<Path> found = new ArrayList<>();
        for (String name : NAMED) {
            if (Files.isSymbolicLink(root.resolve(name))) {
                found.add(root.resolve(name));
            }
        }
        for (String folder : FOLDERS) {
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    if (Files.isSymbolicLink(p)) {
                        found.add(p);
                    }
                }
            } catch (IOException e) {
                // the folder checks report a folder that cannot be listed
            }
        }
        return found;
    }

    private static String target(Path link) {
        try {
            return " (to " + Files.readSymbolicLink(link) + ")";
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }
}
