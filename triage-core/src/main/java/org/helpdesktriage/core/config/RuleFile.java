package org.helpdesktriage.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.helpdesktriage.core.rules.RuleDefinition;

/**
 * The shape of a rule file that {@code rule_files} names: its {@code rules}, and a
 * {@code $schema} reference that is read and ignored. Any other key is refused.
 */
record RuleFile(
        @JsonProperty("$schema") String schema,
        @JsonProperty("rules") List<RuleDefinition> rules) {
}
