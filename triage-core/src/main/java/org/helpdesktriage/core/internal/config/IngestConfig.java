package org.helpdesktriage.core.internal.config;

import java.util.Objects;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.internal.ingest.IngestSettings;

/**
 * Builds what normalising and validating input records needs of a configuration: the engine,
 * its shadow, {@code sla due} and labelled history read their settings here, so that the
 * configuration's API names no internal type.
 */
public final class IngestConfig {

    private IngestConfig() {
    }

    /** Returns the ingest settings of {@code config}. */
    public static IngestSettings settings(TriageConfig config) {
        Objects.requireNonNull(config, "config");
        return new IngestSettings(config.categories(), config.categorySynonyms(),
                config.prioritySynonyms(), config.defaultPriority(), config.maxTitleLength(),
                config.maxDescriptionLength(), config.limits(), config.timeZone());
    }
}
