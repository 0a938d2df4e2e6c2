package org.helpdesktriage.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.TriageOutcome;
import org.helpdesktriage.core.ingest.Rejection;
import org.helpdesktriage.core.internal.output.OutputFormat;
import org.helpdesktriage.core.internal.output.RejectWriter;
import org.helpdesktriage.core.internal.output.ResultWriter;

/**
 * Triages each record of the input topic with the instance's one engine: a result goes to the
 * results sink keyed by its ticket id, anything else (not JSON, not a valid ticket, or a failure
 * of the engine) to the dead-letter sink with its reason. No record stops the application.
 *
 * <p>Counts go to Kafka Streams' own metrics, group {@code stream-helpdesk-triage-metrics}, as
 * {@code helpdesk-triage-triaged-total} and {@code helpdesk-triage-dead-lettered-total} (and
 * {@code -rate}) per task, so they show in JMX and {@code KafkaStreams#metrics()} beside the
 * library's own.
 */
final class TriageProcessor implements Processor<String, String, String, String> {

    static final String TRIAGED = "helpdesk-triage-triaged";
    static final String DEAD_LETTERED = "helpdesk-triage-dead-lettered";
    static final String SCOPE = "helpdesk-triage";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TriageEngine engine;
    private final String resultsSink;
    private final String deadLetterSink;
    private ProcessorContext<String, String> context;
    private Sensor triaged;
    private Sensor deadLettered;

    TriageProcessor(TriageEngine engine, String resultsSink, String deadLetterSink) {
        this.engine = engine;
        this.resultsSink = resultsSink;
        this.deadLetterSink = deadLetterSink;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        String task = context.taskId().toString();
        var metrics = context.metrics();
        this.triaged = metrics.addRateTotalSensor(SCOPE, task, TRIAGED,
                Sensor.RecordingLevel.INFO);
        this.deadLettered = metrics.addRateTotalSensor(SCOPE, task, DEAD_LETTERED,
                Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(Record<String, String> record) {
        String where = context.recordMetadata().map(m -> m.topic() + "-" + m.partition()
                + " offset " + m.offset()).orElse("input");
        if (record.value() == null) {
            deadLetter(record, where, "the record has no value (a tombstone), not a ticket");
            return;
        }
        TriageOutcome outcome;
        try {
            outcome = engine.triageJson(record.value());
        } catch (RuntimeException e) {
            // the engine's own failure is this record's problem, never the application's end
            deadLetter(record, where, "triage failed: " + e);
            return;
        }
        if (outcome instanceof TriageOutcome.Triaged t) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
            try (ResultWriter w = ResultWriter.open(out, OutputFormat.JSONL, false, false)) {
                w.write(t.result());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.forward(record.withKey(t.result().ticket().ticketId())
                    .withValue(out.toString(StandardCharsets.UTF_8).trim()), resultsSink);
            triaged.record();
        } else {
            Rejection rejection = ((TriageOutcome.Rejected) outcome).rejection();
            deadLetter(record, where, rejection.message());
        }
    }

    private void deadLetter(Record<String, String> record, String where, String reason) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("source", where);
        n.put("key", record.key());
        n.put("reason", reason);
        n.put("record", record.value());
        context.forward(record.withValue(n.toString()), deadLetterSink);
        deadLettered.record();
    }

    /** Returns the sensors' names, for documentation and tests. */
    static Map<String, String> sensors() {
        return Map.of("triaged", TRIAGED, "dead_lettered", DEAD_LETTERED);
    }
}
