package org.helpdesktriage.core.internal.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.helpdesktriage.core.TestTickets;
import org.helpdesktriage.core.TriageResult;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.route.Routing;
import org.helpdesktriage.core.scoring.Score;
import org.helpdesktriage.core.sla.Sla;
import org.junit.jupiter.api.Test;

/** The sla object of a result in JSON, and its columns in CSV. */
class ResultWriterSlaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Sla SLA = new Sla("high", "business",
            Instant.parse("2026-11-23T09:30:00Z"), null, true, null,
            Instant.parse("2026-11-23T10:00:00Z"));

    private static TriageResult result(Sla sla) {
        Routing routing = new Routing("support-team", Priority.HIGH, "general", null, 0.5,
                List.of(), Routing.Decider.DEFAULT, null);
        Score score = new Score(0.42, List.of(new Score.Component("priority", 7, 0.7, 0.6),
                new Score.Component("urgency", 0, 0, 0.4)));
        return new TriageResult(TestTickets.aTicket().score(0.42).build(), routing, score,
                List.of(), List.of(), null, sla);
    }

    private static String write(OutputFormat format, TriageResult r) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ResultWriter w = ResultWriter.open(bytes, format, true, false)) {
            w.write(r);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void json_carriesTheSlaAfterTheScore_dueTimesInUtc_metFlagsOnlyWhenKnown()
            throws IOException {
        JsonNode n = MAPPER.readTree(write(OutputFormat.JSON, result(SLA)));
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("ticket", "routing", "score", "sla");
        assertThat(n.get("sla").toString()).isEqualTo("{\"policy\":\"high\",\"calendar\":"
                + "\"business\",\"first_response_due\":\"2026-11-23T09:30:00Z\","
                + "\"resolution_due\":null,\"first_response_met\":true,"
                + "\"paused_since\":\"2026-11-23T10:00:00Z\"}");
        assertThat(MAPPER.readTree(write(OutputFormat.JSON, result(null))).has("sla")).isFalse();
    }

    @Test
    void csv_hasSixSlaColumns_emptyWithoutAnSla() throws IOException {
        List<String> lines = write(OutputFormat.CSV, result(SLA)).lines().toList();
        assertThat(lines.get(0)).endsWith("sla_policy,sla_calendar,sla_first_response_due,"
                + "sla_resolution_due,sla_first_response_met,sla_resolution_met,notes");
        assertThat(lines.get(1)).endsWith(",high,business,2026-11-23T09:30:00Z,,true,,");
        assertThat(write(OutputFormat.CSV, result(null)).lines().toList().get(1))
                .endsWith(",,,,,,,");
    }
}
