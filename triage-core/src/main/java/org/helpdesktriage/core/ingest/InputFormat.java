package org.helpdesktriage.core.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.ingest.fields.FieldChecks;
import org.helpdesktriage.core.internal.ingest.fields.FieldNames;

/** The input formats the readers understand. */
public enum InputFormat {
    /** One JSON object, or a JSON array of objects. */
    JSON,
    /** One JSON object per line (JSON Lines, NDJSON). */
    JSONL,
    /** CSV with a header row. */
    CSV,
    /** {@code key: value} lines, tickets separated by a blank line. */
    TEXT;

    /** Returns the lower-case name used on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the format named by {@code value} (case-insensitive; ndjson is jsonl), or empty. */
    public static Optional<InputFormat> parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "json":
                return Optional.of(JSON);
            case "jsonl":
            case "ndjson":
                return Optional.of(JSONL);
            case "csv":
                return Optional.of(CSV);
            case "txt":
            case "text":
                return Optional.of(TEXT);
            default:
                return Optional.empty();
        }
    }

    /** Returns the format a file name's extension implies, or empty. */
    public static Optional<InputFormat> fromFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : parse(fileName.substring(dot + 1));
    }

    /**
     * Returns the format of an input: {@code explicit} when given, else the one the file name's
     * extension implies, else the one its first bytes show ({@link #sniff(byte[], int)}).
     *
     * <p>A blank input reads as no records in any format and is given {@link #JSONL}.
     *
     * @param explicit the format the user chose, or {@code null}
     * @param fileName the input's file name, or {@code null} (standard input)
     * @param head the first bytes of the input
     * @param length how many bytes of {@code head} are valid
     * @param sourceName the input's name for messages
     * @throws TriageException with {@link ErrorCode#INPUT_UNREADABLE} when no format fits
     */
    public static InputFormat detect(InputFormat explicit, String fileName, byte[] head,
            int length, String sourceName) {
        if (explicit != null) {
            return explicit;
        }
        if (fileName != null) {
            Optional<InputFormat> byName = fromFileName(fileName);
            if (byName.isPresent()) {
                return byName.get();
            }
        }
        Optional<InputFormat> sniffed = sniff(head, length);
        if (sniffed.isPresent()) {
            return sniffed.get();
        }
        String text = new String(head, 0, length, StandardCharsets.UTF_8);
        int start = skipBlanks(text, 0);
        if (start == text.length()) {
            return JSONL;
        }
        String first = line(text, start).strip();
        if (first.length() > 60) {
            first = FieldChecks.clip(first);
        }
        // binary input is described, never echoed: its bytes could drive the terminal
        boolean binary = first.chars().anyMatch(c -> c == 0xFFFD || Character.isISOControl(c));
        throw new TriageException(ErrorCode.INPUT_UNREADABLE, sourceName
                + ": cannot tell the input format from the file name or the first line "
                + (binary ? "(it is not text: binary data, or not UTF-8)"
                        : FieldChecks.quote(first))
                + "; use --format json|jsonl|csv|text");
    }

    /**
     * Returns the format the first bytes of an input show, or empty when they fit none (or the
     * input is blank). Leading blanks and a byte-order mark are skipped; then {@code [} is JSON;
     * <code>&#123;</code> is JSON Lines when the second non-blank line also starts with
     * <code>&#123;</code>, else JSON (one object); a first line {@code key: value} whose key is a
     * ticket field or alias is text; a first line with a comma is CSV.
     *
     * @param head the first bytes of the input
     * @param length how many bytes of {@code head} are valid
     */
    public static Optional<InputFormat> sniff(byte[] head, int length) {
        String text = new String(head, 0, length, StandardCharsets.UTF_8);
        int start = skipBlanks(text, 0);
        if (start == text.length()) {
            return Optional.empty();
        }
        char c = text.charAt(start);
        if (c == '[') {
            return Optional.of(JSON);
        }
        if (c == '{') {
            int eol = text.indexOf('\n', start);
            if (eol < 0) {
                // one line, or a first line longer than the head: the JSON reader reads both
                return Optional.of(JSON);
            }
            int second = skipBlanks(text, eol + 1);
            return Optional.of(second < text.length() && text.charAt(second) == '{' ? JSONL : JSON);
        }
        String first = line(text, start);
        int colon = first.indexOf(':');
        if (colon > 0 && FieldNames.isKnown(FieldNames.normalize(first.substring(0, colon)))) {
            return Optional.of(TEXT);
        }
        if (first.indexOf(',') >= 0) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }

    private static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length()
                && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        return i;
    }

    private static String line(String text, int start) {
        int eol = text.indexOf('\n', start);
        return text.substring(start, eol < 0 ? text.length() : eol);
    }
}
