package org.helpdesktriage.core.internal.ingest;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import org.helpdesktriage.core.model.Categories;
import org.helpdesktriage.core.model.InputLimits;
import org.helpdesktriage.core.model.Priority;

/**
 * What normalisation and validation of input records need to know: the categories and their
 * synonyms, the priority synonyms, the default priority, the length limits and the zone of timestamps written
 * without one. A configuration
 * gives its own through {@code internal.config.IngestConfig.settings(config)}.
 *
 * @param categories the categories; an unknown one is read as the fallback category
 * @param categorySynonyms extra spellings of categories (lower-case), e.g. tech to technical
 * @param prioritySynonyms extra spellings of priorities (lower-case), e.g. urgent to high
 * @param defaultPriority the priority of a ticket that names none
 * @param maxTitleLength the longest title accepted
 * @param maxDescriptionLength the longest description accepted
 * @param limits the limits on records: size, field and key lengths, nesting, keys, tags, dates
 * @param timeZone the zone of timestamps written without one ({@code 2023-08-26 06:33:37})
 */
public record IngestSettings(Categories categories, Map<String, String> categorySynonyms,
        Map<String, Priority> prioritySynonyms, Priority defaultPriority, int maxTitleLength,
        int maxDescriptionLength, InputLimits limits, ZoneId timeZone) {

    /** Checks the values and copies the maps. */
    public IngestSettings {
        Objects.requireNonNull(categories, "categories");
        categorySynonyms = Map.copyOf(categorySynonyms);
        prioritySynonyms = Map.copyOf(prioritySynonyms);
        Objects.requireNonNull(defaultPriority, "defaultPriority");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(timeZone, "timeZone");
        if (maxTitleLength <= 0 || maxDescriptionLength <= 0) {
            throw new IllegalArgumentException("length limits must be > 0, got title "
                    + maxTitleLength + " and description " + maxDescriptionLength);
        }
    }

    /** Creates settings with the default {@link InputLimits} that read zoneless times as UTC. */
    public IngestSettings(Categories categories, Map<String, String> categorySynonyms,
            Map<String, Priority> prioritySynonyms, Priority defaultPriority, int maxTitleLength,
            int maxDescriptionLength) {
        this(categories, categorySynonyms, prioritySynonyms, defaultPriority, maxTitleLength,
                maxDescriptionLength, InputLimits.defaults(), ZoneOffset.UTC);
    }

    /**
     * Returns these settings without the limits meant for live tickets (title and description
     * length), for labelled history read to train or evaluate a model: a history is not shrunk
     * by them, and long texts are truncated for features instead (see
     * {@code org.helpdesktriage.core.internal.evaluate.LabelledData}). Nor is a field longer than
     * {@code max_field_length} a reason to leave a record out (an issue's body with a pasted log
     * often is); the input limits that bound the memory a record takes (its length, keys and
     * nesting) stay.
     */
    public IngestSettings withoutLengthLimits() {
        InputLimits lenient = new InputLimits(limits.maxRecordLength(),
                Math.max(limits.maxFieldLength(), limits.maxRecordLength()),
                limits.maxKeyLength(), limits.maxNestingDepth(), limits.maxKeys(),
                limits.maxTags(), limits.minTimestamp(), limits.maxTimestamp());
        return new IngestSettings(categories, categorySynonyms, prioritySynonyms,
                defaultPriority, Integer.MAX_VALUE, Integer.MAX_VALUE, lenient, timeZone);
    }
}
