package org.helpdesktriage.streams;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration of a triage instance: exactly-once processing
 * ({@code exactly_once_v2}), string keys and values, and whatever the operator adds.
 *
 * @param bootstrapServers the brokers, {@code host:port[,host:port...]}
 * @param applicationId the application id: every instance with the same id shares the input
 *     topic's partitions, and its consumer group and transactional ids derive from it
 * @param threads stream threads in this instance
 * @param stateDir where Kafka Streams keeps local state, or {@code null} for its default
 * @param extra further Kafka Streams or client properties, applied last
 */
public record StreamsSettings(String bootstrapServers, String applicationId, int threads,
        Path stateDir, Map<String, String> extra) {

    /** Checks the values and copies the extra properties. */
    public StreamsSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(applicationId, "applicationId");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        extra = Map.copyOf(extra);
    }

    /** Returns the properties to start Kafka Streams with. */
    public Properties properties() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        if (stateDir != null) {
            p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        }
        p.putAll(extra);
        return p;
    }
}
