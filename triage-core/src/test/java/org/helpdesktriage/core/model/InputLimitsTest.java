package org.helpdesktriage.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.StreamReadConstraints;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.config.IngestConfig;
import org.junit.jupiter.api.Test;

class InputLimitsTest {

    @Test
    void storeReadConstraints_coverEveryCeilingAndJacksonsDefaults() {
        StreamReadConstraints c = InputLimits.storeReadConstraints();
        assertThat(c.getMaxStringLength()).isGreaterThanOrEqualTo(
                InputLimits.CEILING_RECORD_LENGTH)
                .isGreaterThanOrEqualTo(StreamReadConstraints.DEFAULT_MAX_STRING_LEN);
        assertThat(c.getMaxNameLength()).isGreaterThanOrEqualTo(InputLimits.CEILING_KEY_LENGTH)
                .isGreaterThanOrEqualTo(StreamReadConstraints.DEFAULT_MAX_NAME_LEN);
        assertThat(c.getMaxNestingDepth()).isGreaterThanOrEqualTo(
                InputLimits.CEILING_NESTING_DEPTH + InputLimits.STORE_NESTING_MARGIN);
    }

    @Test
    void limitAboveItsCeiling_isRefusedNamingTheKey() {
        assertThatThrownBy(() -> InputLimits.defaults().withMaxRecordLength(16_000_001))
                .hasMessageStartingWith("max_record_length must be between 1 and 16000000");
        assertThatThrownBy(() -> new InputLimits(100, 100, 100, 101, 10, 10,
                Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
                .hasMessageStartingWith("max_nesting_depth");
    }

    @Test
    void limitKeys_areReadFromEveryLayerAndNamedWhenBad() {
        TriageConfig c = ConfigLoader.load(Optional.empty(),
                Map.of("HELPDESK_MAX_TAGS", "3"), Map.of("max_record_length", "5000",
                        "max_timestamp", "2100-01-01T00:00:00Z"));
        assertThat(c.limits().maxTags()).isEqualTo(3);
        assertThat(c.limits().maxRecordLength()).isEqualTo(5000);
        assertThat(c.limits().maxTimestamp()).isEqualTo(Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(IngestConfig.settings(c).limits()).isEqualTo(c.limits());
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(),
                Map.of("max_key_length", "20000")))
                .isInstanceOf(TriageException.class)
                .hasMessage("the command line: max_key_length must be between 1 and 10000,"
                        + " got 20000 (see docs/limits.md)");
    }

    @Test
    void fingerprint_isUnchangedByLimitsLeftAtTheirDefaults() {
        TriageConfig plain = TriageConfig.defaults();
        TriageConfig same = ConfigLoader.load(Optional.empty(), Map.of(),
                Map.of("max_record_length", "1000000", "max_tags", "100"));
        TriageConfig other = ConfigLoader.load(Optional.empty(), Map.of(),
                Map.of("max_tags", "7"));
        assertThat(ConfigLoader.canonicalJson(plain)).doesNotContain("max_tags");
        assertThat(ConfigLoader.fingerprint(same)).isEqualTo(ConfigLoader.fingerprint(plain));
        assertThat(ConfigLoader.fingerprint(other)).isNotEqualTo(ConfigLoader.fingerprint(plain));
    }
}
