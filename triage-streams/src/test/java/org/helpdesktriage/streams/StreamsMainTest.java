package org.helpdesktriage.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsMainTest {

    @Test
    void missingBootstrapServers_isAUsageError() {
        assertThat(StreamsMain.run("--application-id", "x")).isEqualTo(2);
    }

    @Test
    void invalidConfiguration_exits3_beforeAnyConnection() {
        assertThat(StreamsMain.run("--bootstrap-servers", "127.0.0.1:1", "--config",
                "no-such-config.json")).isEqualTo(3);
    }

    @Test
    void settings_askForExactlyOnce_andLetTheOperatorAddProperties() {
        var p = new StreamsSettings("b:9092", "app", 2, null,
                Map.of("commit.interval.ms", "250")).properties();
        assertThat(p).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                StreamsConfig.EXACTLY_ONCE_V2).containsEntry("commit.interval.ms", "250")
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
        assertThatThrownBy(() -> new TriageTopology.Topics("t", "t", "d"))
                .hasMessageContaining("cannot also be an output topic");
    }
}
