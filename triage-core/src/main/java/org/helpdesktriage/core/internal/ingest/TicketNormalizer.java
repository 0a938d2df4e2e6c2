package org.helpdesktriage.core.internal.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.ingest.Rejection;
import org.helpdesktriage.core.internal.ingest.fields.FieldChecks;
import org.helpdesktriage.core.model.FieldError;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;

/**
 * Turns a {@link RawRecord} into a valid {@link Ticket}, or a {@link Rejection} that lists every
 * error of the record.
 *
 * <pre>{@code
 * TicketNormalizer normalizer = new TicketNormalizer(IngestConfig.settings(TriageConfig.defaults()),
 *         Clock.systemUTC());
 * Ingested outcome = normalizer.normalize(record);
 * }</pre>
 *
 * <p>Keys are normalised (trimmed, lower-cased, blanks to {@code _}) and aliases resolved
 * ({@code subject} is read as {@code title}) before validation; when both an alias and its field
 * are given, the field wins. Numbers in text fields become text; title and description are
 * whitespace-collapsed; category and priority are lower-cased and read through the configured
 * synonyms; an unknown category is routed to the fallback category. Every key that is not a
 * field goes to metadata, in input order. Each change is described in the accepted ticket's
 * notes. Instances are immutable and thread-safe.
 */
public final class TicketNormalizer {

    private static final int ID = 0;
    private static final int TITLE = 1;
    private static final int DESCRIPTION = 2;
    private static final int EMAIL = 3;
    private static final int CATEGORY = 4;
    private static final int PRIORITY = 5;
    private static final int STATUS = 6;
    private static final int CREATED = 7;
    private static final int UPDATED = 8;
    private static final int ASSIGNED = 9;
    private static final int TAGS = 10;
    private static final List<String> FIELDS = RecordWork.FIELDS;
    private static final String STATUSES = Arrays.stream(Status.values()).map(Status::id)
            .collect(Collectors.joining(", "));
    private static final String TIMESTAMP_FORMS = "a timestamp such as 2026-11-20T10:00:00Z, "
            + "2026-11-20 10:00:00, 2026-11-20 10:00:00+02:00 or 2026-11-20";

    private final IngestSettings config;
    private final Clock clock;
    private final String fallback;
    private final String missingCategoryNote;
    private final String missingPriorityNote;
    private final String priorities;

    /**
     * Creates a normaliser.
     *
     * @param settings the categories, synonyms, default priority and length limits to apply
     * @param clock the clock that dates tickets given without {@code created_at}
     */
    public TicketNormalizer(IngestSettings settings, Clock clock) {
        this.config = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fallback = config.categories().fallback();
        this.missingCategoryNote = "category missing; set to the default '" + fallback + "'";
        this.missingPriorityNote = "priority missing; set to '" + config.defaultPriority().id()
                + "'";
        List<Priority> order = new ArrayList<>(List.of(Priority.values()));
        Collections.reverse(order);
        String names = order.stream().map(Priority::id).collect(Collectors.joining(", "));
        String synonyms = config.prioritySynonyms().keySet().stream().sorted()
                .collect(Collectors.joining(", "));
        this.priorities = synonyms.isEmpty() ? names : names + " (or " + synonyms + ")";
    }

    /** Returns the accepted ticket of a record, or its rejection with every error found. */
    public Ingested normalize(RawRecord record) {
        Objects.requireNonNull(record, "record");
        if (record.parseError() != null) {
            return new Ingested.Rejected(new Rejection(record.position(),
                    List.of(new FieldError("record", record.parseError())), record.raw()));
        }
        RecordWork w = RecordWork.collect(record);
        record.notes().forEach(w::note);
        RecordLimits.check(record.fields(), config.limits(), w);
        String id = ticketId(w);
        String title = text(w, TITLE, config.maxTitleLength());
        String description = text(w, DESCRIPTION, config.maxDescriptionLength());
        String email = email(w);
        String category = category(w);
        Priority priority = priority(w);
        Status status = status(w);
        Instant created = instant(w, CREATED, config);
        if (created == null && w.values[CREATED] == null) {
            created = clock.instant();
            w.note("created_at missing; set to the time of ingest");
        }
        Instant updated = instant(w, UPDATED, config);
        if (updated == null) {
            updated = created;
        }
        String assignee = assignee(w);
        List<String> tags = tags(w);
        if (tags.size() > config.limits().maxTags()) {
            w.error(TAGS, "tags has " + tags.size() + " tags, over the limit of "
                    + config.limits().maxTags() + " (max_tags)");
        }
        if (w.errors != null) {
            return new Ingested.Rejected(new Rejection(record.position(), w.errors,
                    record.raw(), record.fields()));
        }
        Ticket ticket = new Ticket(id, title, description, email, category, priority, status,
                created, updated, assignee, tags, w.metadata == null ? Map.of() : w.metadata,
                null);
        return new Ingested.Accepted(ticket, w.notes == null ? List.of() : w.notes,
                record.position());
    }

    /** Returns the field's value as text (numbers converted), or null (with an error if needed). */
    private static String scalar(RecordWork w, int i, boolean required) {
        Object v = w.values[i];
        String name = FIELDS.get(i);
        if (v == null) {
            if (required) {
                w.error(i, name + " is required");
            }
            return null;
        }
        String s = FieldChecks.scalarText(v);
        if (s == null && v instanceof Number) {
            w.error(i, name + " is the number " + FieldChecks.quote(v)
                    + ", which is too large or not finite to read as text");
            return null;
        }
        if (s == null) {
            w.error(i, name + " must be a string, not " + FieldChecks.kind(v) + " "
                    + FieldChecks.quote(v));
            return null;
        }
        if (!(v instanceof String)) {
            w.note(name + " given as a number; read as '" + s + "'");
        }
        return s;
    }

    private static String ticketId(RecordWork w) {
        String s = scalar(w, ID, true);
        if (s == null) {
            return null;
        }
        String id = s.strip();
        if (id.isEmpty()) {
            w.error(ID, "ticket_id is required and must not be blank");
            return null;
        }
        if (!FieldChecks.isTicketId(id)) {
            w.error(ID, "ticket_id " + FieldChecks.quote(s)
                    + " must contain only A-Z, 0-9 and '-'");
            return null;
        }
        return id;
    }

    private static String text(RecordWork w, int i, int limit) {
        String s = scalar(w, i, true);
        if (s == null) {
            return null;
        }
        String name = FIELDS.get(i);
        String collapsed = FieldChecks.collapse(s);
        if (collapsed.isEmpty()) {
            w.error(i, name + " is required and must not be blank");
            return null;
        }
        if (collapsed != s) {
            w.note(name + " whitespace collapsed");
        }
        if (collapsed.length() > limit) {
            int length = FieldChecks.length(collapsed);
            if (length > limit) {
                w.error(i, name + " is " + length + " characters; the limit is " + limit);
                return null;
            }
        }
        return collapsed;
    }

    private static String email(RecordWork w) {
        String s = scalar(w, EMAIL, true);
        if (s == null) {
            return null;
        }
        String email = s.strip();
        if (email.isEmpty()) {
            w.error(EMAIL, "requester_email is required and must not be blank");
            return null;
        }
        if (!FieldChecks.isEmail(email)) {
            w.error(EMAIL, "requester_email " + FieldChecks.quote(email)
                    + " is not a valid address");
            return null;
        }
        return email;
    }

    /** Returns an optional string field, lower-cased, or null when absent or blank. */
    private static String word(RecordWork w, int i) {
        Object v = w.values[i];
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            w.error(i, FIELDS.get(i) + " must be a string, not " + FieldChecks.kind(v) + " "
                    + FieldChecks.quote(v));
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t.toLowerCase(Locale.ROOT);
    }

    private String category(RecordWork w) {
        String c = word(w, CATEGORY);
        if (c == null) {
            if (w.values[CATEGORY] instanceof String || w.values[CATEGORY] == null) {
                w.note(missingCategoryNote);
            }
            return fallback;
        }
        Optional<String> read = readCategory(c);
        if (read.isEmpty()) {
            w.note("category " + FieldChecks.quote(c) + " is not a known category; set to the "
                    + "default '" + fallback + "'");
            return fallback;
        }
        if (config.categorySynonyms().containsKey(c)) {
            w.note("category '" + c + "' read as '" + read.get() + "'");
        }
        return read.get();
    }

    private Priority priority(RecordWork w) {
        String p = word(w, PRIORITY);
        if (p == null) {
            if (w.values[PRIORITY] instanceof String || w.values[PRIORITY] == null) {
                w.note(missingPriorityNote);
            }
            return config.defaultPriority();
        }
        Optional<Priority> read = readPriority(p);
        if (read.isEmpty()) {
            w.error(PRIORITY, "priority " + FieldChecks.quote(p) + " is not one of "
                    + priorities);
            return null;
        }
        if (config.prioritySynonyms().containsKey(p)) {
            w.note("priority '" + p + "' read as '" + read.get().id() + "'");
        }
        return read.get();
    }

    /**
     * Reads a category as a record's is read: a configured category or a synonym of one, in
     * any case, around any white space.
     *
     * @return the category, or empty when {@code value} names none
     */
    public Optional<String> readCategory(String value) {
        String c = value.strip().toLowerCase(Locale.ROOT);
        c = config.categorySynonyms().getOrDefault(c, c);
        return config.categories().contains(c) ? Optional.of(c) : Optional.empty();
    }

    /**
     * Reads a priority as a record's is read: a priority's name or a synonym of the
     * configuration, in any case, around any white space.
     *
     * @return the priority, or empty when {@code value} names none
     */
    public Optional<Priority> readPriority(String value) {
        String p = value.strip().toLowerCase(Locale.ROOT);
        Priority synonym = config.prioritySynonyms().get(p);
        return synonym != null ? Optional.of(synonym) : Priority.parse(p);
    }

    /** Returns the priorities a record may name: "critical, high, medium, low (or p1, ...)". */
    public String priorities() {
        return priorities;
    }

    private static Status status(RecordWork w) {
        String s = word(w, STATUS);
        if (s == null) {
            return Status.NEW;
        }
        Status parsed = Status.parse(s).orElse(null);
        if (parsed == null) {
            w.error(STATUS, "status " + FieldChecks.quote(s) + " is not one of " + STATUSES);
        }
        return parsed;
    }

    /**
     * Returns a timestamp field, or null when it is absent, blank, invalid or outside the
     * supported range (an error: ages, escalation and due times are computed from it).
     */
    private static Instant instant(RecordWork w, int i, IngestSettings config) {
        Object v = w.values[i];
        if (v == null || v instanceof String s && s.isBlank()) {
            w.values[i] = null;
            return null;
        }
        Instant parsed = v instanceof String s ? FieldChecks.parseInstant(s, config.timeZone())
                : null;
        if (parsed == null) {
            w.error(i, FIELDS.get(i) + " " + FieldChecks.quote(v) + " is not "
                    + TIMESTAMP_FORMS);
        } else if (!config.limits().acceptsTimestamp(parsed)) {
            w.error(i, FIELDS.get(i) + " " + FieldChecks.quote(v) + " is outside the supported"
                    + " range " + config.limits().minTimestamp() + " to "
                    + config.limits().maxTimestamp() + " (min_timestamp, max_timestamp)");
            return null;
        }
        return parsed;
    }

    private static String assignee(RecordWork w) {
        String s = scalar(w, ASSIGNED, false);
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static List<String> tags(RecordWork w) {
        Object v = w.values[TAGS];
        if (v == null) {
            return List.of();
        }
        Collection<String> tags = new LinkedHashSet<>();
        boolean[] dropped = new boolean[2];
        if (v instanceof List<?> list) {
            for (Object item : list) {
                String s = item == null ? "" : FieldChecks.scalarText(item);
                if (s == null) {
                    w.error(TAGS, "tags must be strings, not " + FieldChecks.kind(item) + " "
                            + FieldChecks.quote(item));
                    return List.of();
                }
                addTags(s, true, tags, dropped);
            }
        } else {
            String s = FieldChecks.scalarText(v);
            if (s == null) {
                w.error(TAGS, "tags must be a list or a comma-separated string, not "
                        + FieldChecks.kind(v) + " " + FieldChecks.quote(v));
                return List.of();
            }
            addTags(s, false, tags, dropped);
        }
        if (dropped[0]) {
            w.note("empty tags dropped");
        }
        if (dropped[1]) {
            w.note("duplicate tags dropped");
        }
        return List.copyOf(tags);
    }

    /** Adds the comma-separated pieces of {@code s}; flags empties [0] and duplicates [1]. */
    private static void addTags(String s, boolean listItem, Collection<String> tags,
            boolean[] dropped) {
        int start = 0;
        while (start <= s.length()) {
            int comma = s.indexOf(',', start);
            int end = comma < 0 ? s.length() : comma;
            String piece = s.substring(start, end).strip();
            if (piece.isEmpty()) {
                dropped[0] |= listItem || comma >= 0 || start > 0;
            } else if (!tags.add(piece)) {
                dropped[1] = true;
            }
            start = end + 1;
        }
    }
}
