package org.helpdesktriage.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.helpdesktriage.core.TriageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TriageTopologyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> in;
    private TestOutputTopic<String, String> out;
    private TestOutputTopic<String, String> dead;

    @BeforeEach
    void start() {
        Properties props = new StreamsSettings("unused:9092", "topology-test", 1, null,
                Map.of()).properties();
        driver = new TopologyTestDriver(TriageTopology.build(TriageEngine.builder().build(),
                new TriageTopology.Topics("tickets", "triaged", "dead")), props);
        in = driver.createInputTopic("tickets", new StringSerializer(), new StringSerializer());
        out = driver.createOutputTopic("triaged", new StringDeserializer(),
                new StringDeserializer());
        dead = driver.createOutputTopic("dead", new StringDeserializer(),
                new StringDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void validTicket_goesToTheOutputKeyedByTicketId() throws Exception {
        in.pipeInput("any-key", "{\"id\":\"TKT-7\",\"subject\":\"Refund\",\"body\":\"payment "
                + "failed\",\"email\":\"b@example.com\",\"type\":\"bill\"}");
        KeyValue<String, String> r = out.readKeyValue();
        assertThat(r.key).isEqualTo("TKT-7");
        JsonNode result = MAPPER.readTree(r.value);
        assertThat(result.path("ticket").path("ticket_id").asText()).isEqualTo("TKT-7");
        assertThat(result.path("routing").path("assigned_to").asText()).isNotBlank();
        assertThat(dead.isEmpty()).isTrue();
    }

    @Test
    void notJson_invalidTicket_andTombstone_goToTheDeadLetters_andProcessingGoesOn()
            throws Exception {
        in.pipeInput("k1", "this is not json");
        in.pipeInput("k2", "{\"id\":\"TKT-8\",\"subject\":\"Hi\",\"body\":\"x\",\"email\":\"a@b\"}");
        in.pipeInput("k3", (String) null);
        in.pipeInput("k4", "{\"id\":\"TKT-9\",\"subject\":\"Locked out\",\"body\":\"locked\","
                + "\"email\":\"a@example.com\"}");
        assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("TKT-9");
        var letters = dead.readKeyValuesToList();
        assertThat(letters).extracting(kv -> kv.key).containsExactly("k1", "k2", "k3");
        JsonNode first = MAPPER.readTree(letters.get(0).value);
        assertThat(first.path("reason").asText()).isNotBlank();
        assertThat(first.path("record").asText()).isEqualTo("this is not json");
        assertThat(first.path("source").asText()).startsWith("tickets-0 offset 0");
        assertThat(MAPPER.readTree(letters.get(1).value).path("reason").asText())
                .contains("requester_email");
        assertThat(MAPPER.readTree(letters.get(2).value).path("reason").asText())
                .contains("tombstone");
    }

    @Test
    void counts_goToKafkaStreamsMetrics() {
        in.pipeInput("k", "not json");
        in.pipeInput("k", "{\"id\":\"TKT-9\",\"subject\":\"Locked out\",\"body\":\"locked\","
                + "\"email\":\"a@example.com\"}");
        Map<String, Double> totals = new java.util.HashMap<>();
        driver.metrics().forEach((name, metric) -> {
            if (name.group().equals("stream-helpdesk-triage-metrics")
                    && name.name().endsWith("-total")) {
                totals.merge(name.name(), ((Number) metric.metricValue()).doubleValue(),
                        Double::sum);
            }
        });
        assertThat(totals).containsEntry("helpdesk-triage-triaged-total", 1.0)
                .containsEntry("helpdesk-triage-dead-lettered-total", 1.0);
    }
}
