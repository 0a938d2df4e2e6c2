package org.helpdesktriage.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.rules.RuleDefinition;

/**
 * The shape of {@code config.json}: every key optional, unknown keys refused by the reader.
 * {@code $schema} (the editor's schema reference) is read and ignored.
 */
record ConfigFile(
        @JsonProperty("$schema") String schema,
        @JsonProperty("store_type") String storeType,
        @JsonProperty("store_path") String storePath,
        @JsonProperty("cache_enabled") Boolean cacheEnabled,
        @JsonProperty("cache_ttl") Long cacheTtl,
        @JsonProperty("escalation_threshold_hours") Double escalationThresholdHours,
        @JsonProperty("auto_escalate_critical") Boolean autoEscalateCritical,
        @JsonProperty("max_ticket_title_length") Integer maxTicketTitleLength,
        @JsonProperty("max_ticket_description_length") Integer maxTicketDescriptionLength,
        @JsonProperty("default_priority") String defaultPriority,
        @JsonProperty("log_level") String logLevel,
        @JsonProperty("match_mode") String matchMode,
        @JsonProperty("default_category") String defaultCategory,
        @JsonProperty("categories") Map<String, String> categories,
        @JsonProperty("synonyms") Synonyms synonyms,
        @JsonProperty("scoring") Scoring scoring,
        @JsonProperty("rules") List<RuleDefinition> rules,
        @JsonProperty("rule_files") List<RuleFileEntry> ruleFiles,
        @JsonProperty("classifier") Classifier classifier,
        @JsonProperty("max_record_length") Integer maxRecordLength,
        @JsonProperty("max_field_length") Integer maxFieldLength,
        @JsonProperty("max_key_length") Integer maxKeyLength,
        @JsonProperty("max_nesting_depth") Integer maxNestingDepth,
        @JsonProperty("max_keys") Integer maxKeys,
        @JsonProperty("max_tags") Integer maxTags,
        @JsonProperty("min_timestamp") String minTimestamp,
        @JsonProperty("max_timestamp") String maxTimestamp,
        @JsonProperty("store_url") String storeUrl,
        @JsonProperty("db_password_file") String dbPasswordFile,
        @JsonProperty("input_time_zone") String inputTimeZone,
        @JsonProperty("sla") SlaSection sla,
        @JsonProperty("shadow") String shadow,
        @JsonProperty("agents") com.fasterxml.jackson.databind.JsonNode agents,
        @JsonProperty("agents_file") String agentsFile,
        @JsonProperty("assignment") com.fasterxml.jackson.databind.JsonNode assignment,
        @JsonProperty("priority_matrix") PriorityMatrixSection priorityMatrix) {

    /** Priority as impact by urgency: rows are impact levels, columns urgency levels. */
    record PriorityMatrixSection(
            @JsonProperty("impact") List<String> impact,
            @JsonProperty("urgency") List<String> urgency,
            @JsonProperty("priority") List<List<String>> priority) {
    }

    /** The trained model's part in routing. */
    record Classifier(
            @JsonProperty("model") String model,
            @JsonProperty("min_confidence") Double minConfidence,
            @JsonProperty("review_team") String reviewTeam,
            @JsonProperty("policy") String policy) {
    }

    /** Extra spellings of category and priority values. */
    record Synonyms(
            @JsonProperty("category") Map<String, String> category,
            @JsonProperty("priority") Map<String, String> priority) {
    }

    /** Scoring settings. */
    record Scoring(
            @JsonProperty("weights") Map<String, Double> weights,
            @JsonProperty("urgency_keywords") List<String> urgencyKeywords,
            @JsonProperty("points_per_keyword") Integer pointsPerKeyword,
            @JsonProperty("urgency_cap") Integer urgencyCap) {
    }
}
