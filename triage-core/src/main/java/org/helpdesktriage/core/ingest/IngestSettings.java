package org.helpdesktriage.core.ingest;

import java.util.Map;
import java.util.Objects;
import org.helpdesktriage.core.io.InputLimits;
import org.helpdesktriage.core.model.Categories;
import org.helpdesktriage.core.model.Priority;

/**
 * What normalisation and validation of input records need to know: the categories and their
 * synonyms, the priority synonyms, the default priority and the length limits. A configuration
 * gives its own with {@code TriageConfig.ingestSettings()}.
 *
 * @param categories the categories; an unknown one is read as the fallback category
 * @param categorySynonyms extra spellings of categories (lower-case), e.g. tech to technical
 * @param prioritySynonyms extra spellings of priorities (lower-case), e.g. urgent to high
 * @param defaultPriority the priority of a ticket that names none
 * @param maxTitleLength the longest title accepted
 * @param maxDescriptionLength the longest description accepted
 * @param limits the limits on records: size, field and key lengths, nesting, keys, tags, dates
 */
public record IngestSettings(Categories categories, Map<String, String> categorySynonyms,
        Map<String, Priority> prioritySynonyms, Priority defaultPriority, int maxTitleLength,
        int maxDescriptionLength, InputLimits limits) {

    /** Checks the values and copies the maps. */
    public IngestSettings {
        Objects.requireNonNull(categories, "categories");
        categorySynonyms = Map.copyOf(categorySynonyms);
        prioritySynonyms = Map.copyOf(prioritySynonyms);
        Objects.requireNonNull(defaultPriority, "defaultPriority");
        Objects.requireNonNull(limits, "limits");
        if (maxTitleLength <= 0 || maxDescriptionLength <= 0) {
            throw new IllegalArgumentException("length limits must be > 0, got title "
                    + maxTitleLength + " and description " + maxDescriptionLength);
        }
    }

    /** Creates settings with the default {@link InputLimits}. */
    public IngestSettings(Categories categories, Map<String, String> categorySynonyms,
            Map<String, Priority> prioritySynonyms, Priority defaultPriority, int maxTitleLength,
            int maxDescriptionLength) {
        this(categories, categorySynonyms, prioritySynonyms, defaultPriority, maxTitleLength,
                maxDescriptionLength, InputLimits.defaults());
    }
}
