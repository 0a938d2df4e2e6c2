package org.helpdesktriage.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.escalation.EscalationPolicy;
import org.helpdesktriage.core.ingest.IngestSettings;
import org.helpdesktriage.core.model.Categories;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.route.ClassifierPolicy;
import org.helpdesktriage.core.rules.MatchMode;
import org.helpdesktriage.core.rules.RuleDefinition;
import org.helpdesktriage.core.scoring.ScoringConfig;
import org.helpdesktriage.core.sla.SlaSettings;

/**
 * The whole, typed configuration of a triage engine. Load one with {@link ConfigLoader}, or
 * start from {@link #defaults()}.
 *
 * @param categories the categories and their default teams
 * @param rules the routing rules, in definition order
 * @param matchMode whether the first matching rule applies, or every one
 * @param scoring the scoring weights and urgency keywords
 * @param escalation the escalation policy
 * @param maxTitleLength the longest title accepted
 * @param maxDescriptionLength the longest description accepted
 * @param defaultPriority the priority of a ticket that names none
 * @param categorySynonyms extra spellings of categories (lower-case), e.g. tech to technical
 * @param prioritySynonyms extra spellings of priorities (lower-case), e.g. urgent to high
 * @param storeType {@code memory} or {@code file}
 * @param storePath the data directory of the file store
 * @param cacheEnabled whether triage results are cached
 * @param cacheTtl how long a cached result lives
 * @param logLevel the log level of the command line
 * @param classifier how a trained model takes part in routing, or {@code null} for rules only
 * @param sla the SLA calendars, policies and escalation stages ({@link SlaSettings#none()}: off)
 */
public record TriageConfig(
        Categories categories,
        List<RuleDefinition> rules,
        MatchMode matchMode,
        ScoringConfig scoring,
        EscalationPolicy escalation,
        int maxTitleLength,
        int maxDescriptionLength,
        Priority defaultPriority,
        Map<String, String> categorySynonyms,
        Map<String, Priority> prioritySynonyms,
        String storeType,
        Path storePath,
        boolean cacheEnabled,
        Duration cacheTtl,
        String logLevel,
        ClassifierPolicy classifier,
        SlaSettings sla) {

    /** Checks the values and copies the collections. */
    public TriageConfig {
        Objects.requireNonNull(categories, "categories");
        rules = List.copyOf(rules);
        Objects.requireNonNull(matchMode, "matchMode");
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(escalation, "escalation");
        Objects.requireNonNull(defaultPriority, "defaultPriority");
        categorySynonyms = Map.copyOf(categorySynonyms);
        prioritySynonyms = Map.copyOf(prioritySynonyms);
        Objects.requireNonNull(storeType, "storeType");
        Objects.requireNonNull(storePath, "storePath");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(sla, "sla");
        if (maxTitleLength <= 0 || maxDescriptionLength <= 0) {
            throw new IllegalArgumentException("length limits must be > 0, got title "
                    + maxTitleLength + " and description " + maxDescriptionLength);
        }
    }

    /** Creates a configuration without SLAs ({@link SlaSettings#none()}). */
    public TriageConfig(Categories categories, List<RuleDefinition> rules, MatchMode matchMode,
            ScoringConfig scoring, EscalationPolicy escalation, int maxTitleLength,
            int maxDescriptionLength, Priority defaultPriority,
            Map<String, String> categorySynonyms, Map<String, Priority> prioritySynonyms,
            String storeType, Path storePath, boolean cacheEnabled, Duration cacheTtl,
            String logLevel, ClassifierPolicy classifier) {
        this(categories, rules, matchMode, scoring, escalation, maxTitleLength,
                maxDescriptionLength, defaultPriority, categorySynonyms, prioritySynonyms,
                storeType, storePath, cacheEnabled, cacheTtl, logLevel, classifier,
                SlaSettings.none());
    }

    /**
     * Returns the built-in defaults: the six categories, the two default rules, the default
     * scoring and escalation settings. The same values as the {@code config.json} shipped at the
     * root of the project.
     */
    public static TriageConfig defaults() {
        return ConfigLoader.builtInDefaults();
    }

    /** Returns a copy with {@code newRules} in place of the rules. */
    public TriageConfig withRules(List<RuleDefinition> newRules) {
        return new TriageConfig(categories, newRules, matchMode, scoring, escalation,
                maxTitleLength, maxDescriptionLength, defaultPriority, categorySynonyms,
                prioritySynonyms, storeType, storePath, cacheEnabled, cacheTtl, logLevel, classifier,
                sla);
    }

    /** Returns a copy with {@code mode} as the match mode. */
    public TriageConfig withMatchMode(MatchMode mode) {
        return new TriageConfig(categories, rules, mode, scoring, escalation,
                maxTitleLength, maxDescriptionLength, defaultPriority, categorySynonyms,
                prioritySynonyms, storeType, storePath, cacheEnabled, cacheTtl, logLevel, classifier,
                sla);
    }

    /** Returns a copy with {@code policy} as the classifier policy ({@code null}: none). */
    public TriageConfig withClassifier(ClassifierPolicy policy) {
        return new TriageConfig(categories, rules, matchMode, scoring, escalation,
                maxTitleLength, maxDescriptionLength, defaultPriority, categorySynonyms,
                prioritySynonyms, storeType, storePath, cacheEnabled, cacheTtl, logLevel, policy,
                sla);
    }

    /** Returns a copy with {@code settings} as the SLA settings. */
    public TriageConfig withSla(SlaSettings settings) {
        return new TriageConfig(categories, rules, matchMode, scoring, escalation,
                maxTitleLength, maxDescriptionLength, defaultPriority, categorySynonyms,
                prioritySynonyms, storeType, storePath, cacheEnabled, cacheTtl, logLevel, classifier,
                settings);
    }

    /** Returns what normalising and validating input records needs of this configuration. */
    public IngestSettings ingestSettings() {
        return new IngestSettings(categories, categorySynonyms, prioritySynonyms, defaultPriority,
                maxTitleLength, maxDescriptionLength);
    }

    /** Returns the classifier policy, or empty when routing uses rules only. */
    public Optional<ClassifierPolicy> classifierPolicy() {
        return Optional.ofNullable(classifier);
    }
}
