package org.helpdesktriage.store.file;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.io.TicketJson;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.store.AuditJson;
import org.helpdesktriage.store.DeadLetter;
import org.helpdesktriage.store.RecordedConfig;
import org.helpdesktriage.store.RunRecord;

/**
 * What each file of a data directory is, by its path relative to the directory, and how to
 * check that its content is what its name says: the verification of archives that carry no
 * checksums.
 */
public final class DataFiles {

    /** The directory cleanup archives tickets to; a ticket store of its own. */
    static final String ARCHIVE = "archive";

    /** The agent ledger's file ({@link FileLedger}), relative to the data directory. */
    public static final String AGENT_LEDGER = LedgerFile.RELATIVE;

    /** The backup archive's manifest, never a data file. */
    public static final String MANIFEST = "manifest.json";

    /** The backup archive's checksums, never a data file. */
    public static final String CHECKSUMS = "checksums.sha256";

    private static final Pattern AUDIT_NAME =
            Pattern.compile(FileAuditLog.AUDIT + "/audit-\\d{4}-\\d{2}-\\d{2}\\.jsonl");

    /** The kinds of file in a data directory. */
    public enum Kind {
        /** {@code format-version}. */
        FORMAT_VERSION(true),
        /** {@code tickets/*.json} and {@code archive/tickets/*.json}. */
        TICKET(true),
        /** {@code runs/*.json}. */
        RUN(true),
        /** {@code dead-letters/*.json}. */
        DEAD_LETTER(true),
        /** {@code audit/audit-YYYY-MM-DD.jsonl}. */
        AUDIT(true),
        /** {@code lock}: belongs to the directory it was taken in, never restored. */
        LOCK(false),
        /** A temporary file or the manifest of an older restore: not data. */
        LEFTOVER(false),
        /** Anything else. */
        OTHER(true);

        private final boolean restored;

        Kind(boolean restored) {
            this.restored = restored;
        }

        /** Returns whether a restore puts a file of this kind in place. */
        public boolean restored() {
            return restored;
        }
    }

    private DataFiles() {
    }

    /** Returns the kind of the file at {@code relative} (canonical, '/'-separated). */
    public static Kind kindOf(String relative) {
        String last = relative.substring(relative.lastIndexOf('/') + 1);
        if (last.startsWith(org.helpdesktriage.core.internal.io.AtomicOutput.TEMP_PREFIX)
                || relative.equals(DataFiles.MANIFEST)
                || relative.equals(DataFiles.CHECKSUMS)) {
            return Kind.LEFTOVER;
        }
        if (relative.equals(DataDirectoryLock.FILE)) {
            return Kind.LOCK;
        }
        if (relative.equals(FormatVersion.FILE)) {
            return Kind.FORMAT_VERSION;
        }
        if (inDirectory(relative, FileStore.TICKETS)
                || inDirectory(relative, ARCHIVE + "/" + FileStore.TICKETS)) {
            return Kind.TICKET;
        }
        if (inDirectory(relative, RunRecords.DIRECTORY)) {
            return Kind.RUN;
        }
        if (inDirectory(relative, DeadLetters.DIRECTORY)) {
            return Kind.DEAD_LETTER;
        }
        if (AUDIT_NAME.matcher(relative).matches()) {
            return Kind.AUDIT;
        }
        return Kind.OTHER;
    }

    private static boolean inDirectory(String relative, String dir) {
        return relative.startsWith(dir + "/") && relative.endsWith(FileNames.EXTENSION)
                && relative.indexOf('/', dir.length() + 1) < 0;
    }

    /**
     * Checks a whole file of a kind kept in memory (not audit files, which are checked line by
     * line): it parses, and the id it holds gives its file name.
     *
     * @throws IllegalStateException saying what is wrong, naming the file
     */
    public static void check(Kind kind, String relative, byte[] bytes) {
        String fileName = relative.substring(relative.lastIndexOf('/') + 1);
        switch (kind) {
            case FORMAT_VERSION:
                checkVersion(relative, bytes);
                return;
            case TICKET:
                Ticket t;
                try {
                    t = TicketJson.fromJson(bytes, relative);
                } catch (TriageException e) {
                    throw new IllegalStateException(e.getMessage());
                }
                checkName(relative, fileName, "ticket", t.ticketId());
                return;
            case RUN:
                RunRecord run;
                try {
                    run = RunRecords.parse(bytes, relative);
                } catch (TriageException e) {
                    throw new IllegalStateException(e.getMessage());
                }
                checkName(relative, fileName, "run", run.runId());
                return;
            case DEAD_LETTER:
                DeadLetter letter;
                try {
                    letter = DeadLetters.parse(bytes);
                } catch (java.io.IOException | RuntimeException e) {
                    throw new IllegalStateException("dead letter " + relative + " cannot be "
                            + "read: " + e.getMessage());
                }
                checkName(relative, fileName, "dead letter", letter.id());
                return;
            case OTHER:
                if (relative.equals(RecordedConfig.FILE)) {
                    try {
                        RecordedConfig.parse(bytes);
                    } catch (java.io.IOException | RuntimeException e) {
                        throw new IllegalStateException(relative + " cannot be read: "
                                + e.getMessage());
                    }
                    return;
                }
                if (relative.equals(LedgerFile.RELATIVE)) {
                    try {
                        LedgerFile.parse(bytes);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException(relative + " cannot be read: "
                                + e.getMessage());
                    }
                    return;
                }
                throw new IllegalArgumentException("no whole-file check for " + relative);
            default:
                throw new IllegalArgumentException("no whole-file check for " + kind);
        }
    }

    /**
     * Checks one complete audit line (without its newline).
     *
     * @throws IllegalStateException naming the file and line
     */
    public static void checkAuditLine(String relative, long lineNo, String line) {
        if (line.isBlank()) {
            return;
        }
        try {
            AuditJson.fromLine(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(relative + " line " + lineNo + " " + e.getMessage());
        }
    }

    private static void checkName(String relative, String fileName, String what, String id) {
        String expected = FileNames.forId(id);
        if (!expected.equals(fileName)) {
            throw new IllegalStateException(relative + " holds " + what + " '"
                    + printable(id) + "', whose file would be " + expected);
        }
    }

    private static void checkVersion(String relative, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).trim();
        int v;
        try {
            v = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            v = 0;
        }
        if (v < 1) {
            throw new IllegalStateException(relative + " holds '"
                    + printable(text) + "', not a format version");
        }
        if (v > FormatVersion.CURRENT) {
            throw new IllegalStateException(relative + " says format version " + v
                    + "; this program understands up to " + FormatVersion.CURRENT
                    + "; upgrade helpdesk-triage");
        }
    }

    /** Returns a name fit for a message: control characters escaped, cut at 200 characters. */
    public static String printable(String raw) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length() && sb.length() < 200; i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return raw.length() > 200 ? sb + "..." : sb.toString();
    }
}
