package org.helpdesktriage.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.streams.KafkaStreams;
import org.helpdesktriage.core.TriageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application against a real broker: Kafka 4 in KRaft mode, one combined node in this JVM
 * on a loopback port, started and stopped by the test. Tickets go in while two instances share
 * the partitions, one of them stops and starts again; every ticket comes out exactly once,
 * triaged or dead-lettered.
 */
class TriageStreamsBrokerTest {

    private static final TriageTopology.Topics TOPICS = new TriageTopology.Topics("tickets",
            "tickets-triaged", "tickets-dead-letters");
    private static final int RECORDS = Integer.getInteger("streams.test.records", 3000);

    private static KafkaClusterTestKit cluster;

    @BeforeAll
    static void startBroker() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true)
                .setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers",
                cluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPICS.input(), 4, (short) 1),
                    new NewTopic(TOPICS.output(), 4, (short) 1),
                    new NewTopic(TOPICS.deadLetters(), 1, (short) 1))).all().get();
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static KafkaStreams instance(Path stateDir) {
        KafkaStreams streams = new KafkaStreams(TriageTopology.build(
                TriageEngine.builder().build(), TOPICS), new StreamsSettings(
                        cluster.bootstrapServers(), "triage-it", 1, stateDir,
                        Map.of("commit.interval.ms", "100",
                                "consumer.session.timeout.ms", "10000")).properties());
        streams.start();
        return streams;
    }

    private static void produce(int from, int to) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p,
                new StringSerializer(), new StringSerializer())) {
            for (int i = from; i < to; i++) {
                String id = String.format("TKT-%06d", i);
                String value = i % 10 == 3 ? "not json " + i
                        : i % 10 == 7 ? "{\"id\":\"" + id + "\",\"subject\":\"Hi\",\"body\":\"x\","
                                + "\"email\":\"not-an-address\"}"
                        : "{\"id\":\"" + id + "\",\"subject\":\"Cannot log in " + i
                                + "\",\"body\":\"password reset\",\"email\":\"u" + i
                                + "@example.com\"}";
                producer.send(new ProducerRecord<>(TOPICS.input(), id, value));
            }
            producer.flush();
        }
    }

    /** Reads every committed record of a topic until {@code expected} arrived and 2 s more. */
    private static List<ConsumerRecord<String, String>> readCommitted(String topic, int expected,
            Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            long deadline = System.nanoTime() + timeout.toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
                if (out.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return out;
    }

    @Test
    void everyTicketComesOutExactlyOnce_acrossTwoInstancesAndARestart(@TempDir Path dir) {
        int half = RECORDS / 2;
        long start = System.nanoTime();
        produce(0, half);
        KafkaStreams a = instance(dir.resolve("a"));
        KafkaStreams b = instance(dir.resolve("b"));
        readCommitted(TOPICS.output(), half / 4, Duration.ofSeconds(60));
        a.close(Duration.ofSeconds(30));
        produce(half, RECORDS);
        KafkaStreams a2 = instance(dir.resolve("a"));
        int invalid = RECORDS / 5;
        List<ConsumerRecord<String, String>> results = readCommitted(TOPICS.output(),
                RECORDS - invalid, Duration.ofSeconds(120));
        List<ConsumerRecord<String, String>> letters = readCommitted(TOPICS.deadLetters(),
                invalid, Duration.ofSeconds(30));
        double seconds = (System.nanoTime() - start) / 1e9;
        b.close(Duration.ofSeconds(30));
        a2.close(Duration.ofSeconds(30));

        assertThat(results).hasSize(RECORDS - invalid);
        assertThat(results.stream().map(ConsumerRecord::key).distinct()).hasSize(RECORDS - invalid);
        assertThat(results).allSatisfy(r -> assertThat(r.value()).contains("\"ticket_id\":\""
                + r.key() + "\""));
        assertThat(letters).hasSize(invalid);
        assertThat(letters.stream().map(ConsumerRecord::key).distinct()).hasSize(invalid);
        System.out.printf("streams: %d records (%d triaged, %d dead-lettered) in %.1f s "
                + "through two instances and a restart: %.0f records/s%n", RECORDS,
                results.size(), letters.size(), seconds, RECORDS / seconds);
    }
}
