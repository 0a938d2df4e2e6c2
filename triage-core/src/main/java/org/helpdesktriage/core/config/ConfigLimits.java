package org.helpdesktriage.core.config;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.model.InputLimits;

/**
 * Reads the limit keys of a configuration ({@code max_record_length} and the rest, see
 * docs/limits.md) into {@link InputLimits}: a missing key keeps its default, a bad one is an
 * error naming the key and the layer it came from.
 */
final class ConfigLimits {

    private static final List<String> KEYS = List.of("max_record_length", "max_field_length",
            "max_key_length", "max_nesting_depth", "max_keys", "max_tags", "min_timestamp",
            "max_timestamp");

    private ConfigLimits() {
    }

    static InputLimits of(ConfigFile c, Map<String, String> origins) {
        InputLimits d = InputLimits.defaults();
        try {
            return new InputLimits(
                    orDefault(c.maxRecordLength(), d.maxRecordLength()),
                    orDefault(c.maxFieldLength(), d.maxFieldLength()),
                    orDefault(c.maxKeyLength(), d.maxKeyLength()),
                    orDefault(c.maxNestingDepth(), d.maxNestingDepth()),
                    orDefault(c.maxKeys(), d.maxKeys()),
                    orDefault(c.maxTags(), d.maxTags()),
                    timestamp(c.minTimestamp(), d.minTimestamp(), "min_timestamp", origins),
                    timestamp(c.maxTimestamp(), d.maxTimestamp(), "max_timestamp", origins));
        } catch (IllegalArgumentException e) {
            String msg = String.valueOf(e.getMessage());
            String key = KEYS.stream().filter(msg::startsWith).findFirst()
                    .orElse("max_record_length");
            throw invalid(origins, key, msg + " (see docs/limits.md)");
        }
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static Instant timestamp(String value, Instant fallback, String key,
            Map<String, String> origins) {
        if (value == null) {
            return fallback;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw invalid(origins, key, key + " '" + value
                    + "' is not an ISO-8601 instant such as 1900-01-01T00:00:00Z");
        }
    }

    private static TriageException invalid(Map<String, String> origins, String key,
            String message) {
        return new TriageException(ErrorCode.CONFIG_INVALID,
                origins.getOrDefault(key, "configuration") + ": " + message);
    }
}
