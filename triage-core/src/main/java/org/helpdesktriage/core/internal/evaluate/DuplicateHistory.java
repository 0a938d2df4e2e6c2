package org.helpdesktriage.core.internal.evaluate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.helpdesktriage.core.duplicates.DuplicateFinder;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.ingest.InputFormat;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.ingest.RecordReader;
import org.helpdesktriage.core.ingest.RecordReaders;
import org.helpdesktriage.core.model.InputLimits;

/**
 * Reads a history of tickets and its known duplicate links as helpdesks export them: Bugzilla's
 * CSV ({@code Summary,Issue id,...,Created,...,Description}, {@code Created} like
 * {@code 2020-01-02 17:14:21+00:00}) or the project's own fields ({@code ticket_id}, {@code title},
 * {@code description}, {@code requester_email}, {@code created_at}), and links as
 * {@code Issue id,Duplicate id} pairs, the second cell possibly a comma-separated list. Other
 * columns, {@code Resolution} among them, are not read: "DUPLICATE" would give the answer away.
 * A bad row is reported by file, line and field and left out; the rest is read.
 */
public final class DuplicateHistory {

    /**
     * A ticket of the history.
     *
     * @param report what the finder sees
     * @param createdAt when it was opened
     */
    public record Entry(DuplicateFinder.Report report, Instant createdAt) {
        /** Checks the values. */
        public Entry {
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /**
     * A known duplicate link, undirected.
     *
     * @param first one ticket id
     * @param second the other
     */
    public record Link(String first, String second) {
        /** Checks the values. */
        public Link {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }
    }

    static final List<String> ID = List.of("ticket_id", "issue_id", "bug_id", "id", "issue_key");
    static final List<String> TITLE = List.of("title", "summary");
    static final List<String> DESCRIPTION = List.of("description", "body");
    static final List<String> REQUESTER = List.of("requester_email", "requester", "reporter");
    static final List<String> CREATED = List.of("created_at", "created", "opened");
    static final List<String> DUPLICATE = List.of("duplicate_id", "duplicate_ids", "duplicate");

    private static final DateTimeFormatter BUGZILLA =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS]XXX");
    private static final DateTimeFormatter PLAIN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private DuplicateHistory() {
    }

    /**
     * Returns the tickets of {@code file}, each bad row passed to {@code badRow} as a sentence
     * naming the file, line and field.
     *
     * @throws TriageException with {@link ErrorCode#INPUT_UNREADABLE} when the file cannot be
     *     read
     */
    public static List<Entry> readReports(Path file, Consumer<String> badRow) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        read(file, badRow, (at, fields) -> {
            String id = cell(fields, ID);
            String created = cell(fields, CREATED);
            if (id.isEmpty()) {
                return at + ": the ticket id (" + ID.get(0) + " or Issue id) is empty";
            }
            if (seen.containsKey(id)) {
                return at + ": ticket id '" + id + "' was already read on line " + seen.get(id);
            }
            Instant when;
            try {
                when = instant(created);
            } catch (DateTimeParseException e) {
                return at + ": created_at (Created) '" + created + "' is not a time like "
                        + "2020-01-02 17:14:21+00:00 or 2020-01-02T17:14:21Z";
            }
            seen.put(id, line(at));
            entries.add(new Entry(new DuplicateFinder.Report(id, cell(fields, TITLE),
                    cell(fields, DESCRIPTION), cell(fields, REQUESTER)), when));
            return null;
        });
        return entries;
    }

    /** Returns the links of {@code file}; bad rows as in {@link #readReports}. */
    public static List<Link> readLinks(Path file, Consumer<String> badRow) {
        List<Link> links = new ArrayList<>();
        read(file, badRow, (at, fields) -> {
            String first = cell(fields, ID);
            String others = cell(fields, DUPLICATE);
            if (first.isEmpty()) {
                return at + ": Issue id is empty";
            }
            if (others.isEmpty()) {
                return at + ": Duplicate id is empty";
            }
            for (String other : others.split(",")) {
                if (!other.isBlank()) {
                    links.add(new Link(first, other.strip()));
                }
            }
            return null;
        });
        return links;
    }

    /** Reads a row: returns the problem with it, or {@code null} when it was taken. */
    private interface Row {
        String take(String at, Map<String, Object> fields);
    }

    private static void read(Path file, Consumer<String> badRow, Row row) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new TriageException(ErrorCode.INPUT_UNREADABLE, file + ": no such file");
        } catch (IOException e) {
            throw new TriageException(ErrorCode.INPUT_UNREADABLE, file + " cannot be read: "
                    + e.getMessage(), e);
        }
        try (RecordReader reader = RecordReaders.open(in, InputFormat.CSV, name,
                InputLimits.defaults())) {
            while (reader.hasNext()) {
                RawRecord record = reader.next();
                String at = name + " line " + record.position().line();
                String problem = record.error().map(e -> at + ": " + e)
                        .orElseGet(() -> row.take(at, record.fields()));
                if (problem != null) {
                    badRow.accept(problem);
                }
            }
        }
    }

    private static long line(String at) {
        return Long.parseLong(at.substring(at.lastIndexOf(' ') + 1));
    }

    private static String cell(Map<String, Object> fields, List<String> names) {
        for (String name : names) {
            Object value = fields.get(name);
            if (value != null && !value.toString().isBlank()) {
                return value.toString().strip();
            }
        }
        return "";
    }

    static Instant instant(String text) {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t, BUGZILLA).toInstant();
        } catch (DateTimeParseException e) {
            // not Bugzilla's form: try ISO-8601, then a time without offset, taken as UTC
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            // next form
        }
        return LocalDateTime.parse(t.replace('T', ' '), PLAIN).toInstant(ZoneOffset.UTC);
    }
}
