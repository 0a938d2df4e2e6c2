package org.helpdesktriage.streams;

import java.util.Objects;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.helpdesktriage.core.TriageEngine;

/**
 * The Kafka Streams topology of triage: tickets (JSON text) from the input topic, one
 * processor that triages each with the engine, results to the output topic keyed by ticket id,
 * and rejects with their reason to the dead-letter topic.
 *
 * <pre>{@code
 * Topology topology = TriageTopology.build(engine, new TriageTopology.Topics(
 *         "tickets", "triaged", "tickets-dead-letters"));
 * }</pre>
 *
 * <p>Values are read as UTF-8 text, which cannot fail to deserialise, so a record that is not
 * JSON reaches the processor and the dead-letter topic instead of stopping the application.
 */
public final class TriageTopology {

    private TriageTopology() {
    }

    /**
     * The topics of the application.
     *
     * @param input where tickets arrive, one JSON object per record
     * @param output where results go, keyed by ticket id
     * @param deadLetters where records that cannot be triaged go, with their reason
     */
    public record Topics(String input, String output, String deadLetters) {

        /** Checks the names. */
        public Topics {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(deadLetters, "deadLetters");
            if (input.equals(output) || input.equals(deadLetters)) {
                throw new IllegalArgumentException("the input topic '" + input
                        + "' cannot also be an output topic");
            }
        }
    }

    /** Builds the topology around one engine, shared by every task of the instance. */
    public static Topology build(TriageEngine engine, Topics topics) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(topics, "topics");
        Topology t = new Topology();
        t.addSource("tickets", new StringDeserializer(), new StringDeserializer(),
                topics.input());
        t.addProcessor("triage", () -> new TriageProcessor(engine, "results", "dead-letters"),
                "tickets");
        t.addSink("results", topics.output(), new StringSerializer(), new StringSerializer(),
                "triage");
        t.addSink("dead-letters", topics.deadLetters(), new StringSerializer(),
                new StringSerializer(), "triage");
        return t;
    }
}
