package org.helpdesktriage.bench;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.streams.StreamsSettings;
import org.helpdesktriage.streams.TriageTopology;

/**
 * Records per second through the streams application: a Kafka 4 broker (KRaft, one node) in
 * this JVM on a loopback port, N tickets of a JSON Lines file produced to a 4-partition input
 * topic first, then one application instance (exactly_once_v2) started; the time is from its
 * start until every result and dead letter is committed on the output topics.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.helpdesktriage.bench.StreamsThroughput TICKETS.jsonl N
 * </pre>
 */
public final class StreamsThroughput {

    private StreamsThroughput() {
    }

    /** Runs the measurement and prints one line: records, seconds, records/s. */
    public static void main(String[] args) throws Exception {
        Path tickets = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory("streams-bench-");
        try (KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                        .setNumControllerNodes(1).setBaseDirectory(dir.resolve("kafka")).build())
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0").build()) {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            String bootstrap = cluster.bootstrapServers();
            TriageTopology.Topics topics = new TriageTopology.Topics("tickets", "triaged", "dead");
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic("tickets", 4, (short) 1),
                        new NewTopic("triaged", 4, (short) 1), new NewTopic("dead", 1, (short) 1)))
                        .all().get();
            }
            produce(bootstrap, tickets, n);
            KafkaStreams streams = new KafkaStreams(TriageTopology.build(TriageEngine.builder()
                    .config(ConfigLoader.load(Path.of("config.json"))).build(), topics),
                    new StreamsSettings(bootstrap, "streams-bench", 2, dir.resolve("state"),
                            Map.of()).properties());
            long start = System.nanoTime();
            streams.start();
            long out = awaitCommitted(bootstrap, List.of("triaged", "dead"), n);
            double seconds = (System.nanoTime() - start) / 1e9;
            streams.close(Duration.ofSeconds(30));
            System.out.printf("streams: %d records in, %d out, %.1f s, %.0f records/s%n", n, out,
                    seconds, n / seconds);
        }
    }

    private static void produce(String bootstrap, Path tickets, int n) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p,
                new StringSerializer(), new StringSerializer());
                BufferedReader in = Files.newBufferedReader(tickets, StandardCharsets.UTF_8)) {
            String line;
            for (int i = 0; i < n && (line = in.readLine()) != null; i++) {
                producer.send(new ProducerRecord<>("tickets", "k" + i, line));
            }
            producer.flush();
        }
    }

    private static long awaitCommitted(String bootstrap, List<String> topics, long n) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        long seen = 0;
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (String t : topics) {
                c.partitionsFor(t).forEach(i -> parts.add(new TopicPartition(t, i.partition())));
            }
            c.assign(parts);
            c.seekToBeginning(parts);
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (seen < n && System.nanoTime() < deadline) {
                seen += c.poll(Duration.ofMillis(200)).count();
            }
        }
        return seen;
    }
}
