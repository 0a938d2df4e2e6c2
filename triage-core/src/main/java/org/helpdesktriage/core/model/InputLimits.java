package org.helpdesktriage.core.model;

import com.fasterxml.jackson.core.StreamReadConstraints;
import java.time.Instant;
import java.util.Objects;

/**
 * The one set of limits on what is read: every reader, the normaliser and the store's readers
 * apply it, so a record is refused at the door (a rejection naming the record, the field and the
 * limit's configuration key) or accepted and readable back, never stored and then unreadable.
 *
 * <pre>{@code
 * InputLimits limits = InputLimits.defaults().withMaxRecordLength(200_000);
 * try (RecordReader reader = RecordReaders.open(path, null, limits)) { ... }
 * }</pre>
 *
 * <p>Each limit has a ceiling ({@code CEILING_*}) that configuration cannot raise it past. The
 * store reads with {@link #storeReadConstraints()}, which are at least the ceilings plus what a
 * stored file wraps around a record (and never below Jackson's defaults, so files written before
 * these limits existed still read), so whatever any configuration accepts can be read back.
 * Lengths count UTF-16 characters of the text as read, before whitespace is collapsed.
 *
 * @param maxRecordLength the longest record, in characters of its raw text
 *     ({@code max_record_length}); a longer one is skipped while streaming, never held whole
 * @param maxFieldLength the longest string value anywhere in a record ({@code max_field_length});
 *     above {@code maxRecordLength} it changes nothing
 * @param maxKeyLength the longest key (field name) anywhere in a record ({@code max_key_length})
 * @param maxNestingDepth how deep objects and lists may nest, the record itself being depth 1
 *     ({@code max_nesting_depth})
 * @param maxKeys the most keys a record may hold, counted at every level ({@code max_keys})
 * @param maxTags the most tags a ticket may have ({@code max_tags})
 * @param minTimestamp the earliest {@code created_at} or {@code updated_at} accepted
 *     ({@code min_timestamp})
 * @param maxTimestamp the latest {@code created_at} or {@code updated_at} accepted
 *     ({@code max_timestamp}); ages, escalation and due times computed from a ticket's dates stay
 *     far inside what {@code java.time} can count
 */
public record InputLimits(int maxRecordLength, int maxFieldLength, int maxKeyLength,
        int maxNestingDepth, int maxKeys, int maxTags, Instant minTimestamp,
        Instant maxTimestamp) {

    /** The highest {@code max_record_length}: below Jackson's 20M-character string limit. */
    public static final int CEILING_RECORD_LENGTH = 16_000_000;
    /** The highest {@code max_key_length}: below Jackson's 50,000-character name limit. */
    public static final int CEILING_KEY_LENGTH = 10_000;
    /** The highest {@code max_nesting_depth}: far below Jackson's depth limit of 1,000. */
    public static final int CEILING_NESTING_DEPTH = 100;
    /** The highest {@code max_keys}. */
    public static final int CEILING_KEYS = 1_000_000;
    /** The highest {@code max_tags}. */
    public static final int CEILING_TAGS = 100_000;
    /** The earliest {@code min_timestamp}: 0001-01-01T00:00:00Z. */
    public static final Instant CEILING_MIN_TIMESTAMP = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest {@code max_timestamp}: 9999-12-31T23:59:59.999999999Z. */
    public static final Instant CEILING_MAX_TIMESTAMP =
            Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** How many levels a stored file (a dead letter, a result) wraps around a record. */
    static final int STORE_NESTING_MARGIN = 8;

    private static final InputLimits DEFAULTS = new InputLimits(1_000_000, 100_000, 1_000, 20,
            1_000, 100, Instant.parse("1900-01-01T00:00:00Z"),
            Instant.parse("9999-12-31T23:59:59Z"));

    private static final StreamReadConstraints STORE = StreamReadConstraints.builder()
            .maxStringLength(Math.max(StreamReadConstraints.DEFAULT_MAX_STRING_LEN,
                    CEILING_RECORD_LENGTH))
            .maxNameLength(Math.max(StreamReadConstraints.DEFAULT_MAX_NAME_LEN,
                    CEILING_KEY_LENGTH))
            .maxNestingDepth(Math.max(StreamReadConstraints.DEFAULT_MAX_DEPTH,
                    CEILING_NESTING_DEPTH + STORE_NESTING_MARGIN))
            .build();

    /** Checks every limit against its floor and ceiling, naming the configuration key. */
    public InputLimits {
        check("max_record_length", maxRecordLength, 1, CEILING_RECORD_LENGTH);
        // a field or key longer than the record cannot occur, so no cross-check is needed and
        // lowering max_record_length alone is enough
        check("max_field_length", maxFieldLength, 1, CEILING_RECORD_LENGTH);
        check("max_key_length", maxKeyLength, 1, CEILING_KEY_LENGTH);
        check("max_nesting_depth", maxNestingDepth, 1, CEILING_NESTING_DEPTH);
        check("max_keys", maxKeys, 1, CEILING_KEYS);
        check("max_tags", maxTags, 0, CEILING_TAGS);
        Objects.requireNonNull(minTimestamp, "minTimestamp");
        Objects.requireNonNull(maxTimestamp, "maxTimestamp");
        if (minTimestamp.isBefore(CEILING_MIN_TIMESTAMP)
                || maxTimestamp.isAfter(CEILING_MAX_TIMESTAMP)) {
            throw new IllegalArgumentException("min_timestamp and max_timestamp must lie within "
                    + CEILING_MIN_TIMESTAMP + " and " + CEILING_MAX_TIMESTAMP + ", got "
                    + minTimestamp + " and " + maxTimestamp);
        }
        if (!minTimestamp.isBefore(maxTimestamp)) {
            throw new IllegalArgumentException("min_timestamp " + minTimestamp
                    + " must be before max_timestamp " + maxTimestamp);
        }
    }

    private static void check(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max
                    + ", got " + value);
        }
    }

    /** Returns the documented defaults (docs/limits.md). */
    public static InputLimits defaults() {
        return DEFAULTS;
    }

    /** Returns a copy with {@code value} as {@link #maxRecordLength()}. */
    public InputLimits withMaxRecordLength(int value) {
        return new InputLimits(value, maxFieldLength, maxKeyLength, maxNestingDepth, maxKeys,
                maxTags, minTimestamp, maxTimestamp);
    }

    /**
     * Returns the Jackson constraints a reader of input records applies: strings up to the
     * record length, names up to {@link #maxKeyLength()}, nesting up to
     * {@link #maxNestingDepth()}. A record breaking one is refused as unparseable, so what a
     * rejected record keeps (its raw text, or its fields) stays within the store's limits.
     */
    public StreamReadConstraints parseConstraints() {
        return StreamReadConstraints.builder()
                .maxStringLength(maxRecordLength)
                .maxNameLength(Math.min(maxKeyLength, maxRecordLength))
                .maxNestingDepth(maxNestingDepth)
                .build();
    }

    /**
     * Returns the Jackson constraints the store reads its files with: at least the ceilings of
     * every limit (plus the levels a stored file adds) and at least Jackson's defaults.
     */
    public static StreamReadConstraints storeReadConstraints() {
        return STORE;
    }

    /** Returns whether {@code t} lies within the accepted timestamps. */
    public boolean acceptsTimestamp(Instant t) {
        return !t.isBefore(minTimestamp) && !t.isAfter(maxTimestamp);
    }
}
