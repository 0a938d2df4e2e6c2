package org.helpdesktriage.core.internal.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.TriageOutcome.TriageDecision;
import org.helpdesktriage.core.TriageResult.ShadowDecision;
import org.helpdesktriage.core.TriageResult;
import org.helpdesktriage.core.ingest.Rejection;
import org.helpdesktriage.core.ingest.SourcePosition;
import org.helpdesktriage.core.model.FieldError;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.route.Routing;
import org.helpdesktriage.core.rules.RuleDefinition;
import org.helpdesktriage.core.scoring.Score;
import org.junit.jupiter.api.Test;

class ResultWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static TriageResult result(String id, List<RuleDefinition.Evaluation> explanation) {
        Ticket t = Ticket.builder().ticketId(id).title("Locked out").description("Ünïcode, \"q\"")
                .requesterEmail("a@example.com").category("account").priority(Priority.HIGH)
                .status(Status.TRIAGED).createdAt(Instant.parse("2026-11-20T10:00:00Z"))
                .assignedTo("account-team").tags(List.of("vip", "sso"))
                .metadata(Map.of("channel", "email")).score(0.58).build();
        Routing routing = new Routing("account-team", Priority.HIGH, "account",
                "account_lockout", 1.0, List.of("account_lockout"), Routing.Decider.RULE, null);
        Score score = new Score(0.58, List.of(new Score.Component("priority", 7, 0.7, 0.6),
                new Score.Component("urgency", 4, 0.4, 0.4)));
        return new TriageResult(t, routing, score, List.of("field 'subject' read as 'title'"),
                explanation, null);
    }

    private static String write(OutputFormat format, boolean single, boolean explain,
            TriageResult... results) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ResultWriter w = ResultWriter.open(bytes, format, single, explain)) {
            for (TriageResult r : results) {
                w.write(r);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void json_singleObject_isOneResultInTheDocumentedShape() throws IOException {
        JsonNode n = MAPPER.readTree(write(OutputFormat.JSON, true, false,
                result("TKT-1", List.of())));
        assertThat(n.isObject()).isTrue();
        List<String> keys = new ArrayList<>();
        n.get("ticket").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(Ticket.FIELDS);
        assertThat(n.get("routing").get("rule_matched").asText()).isEqualTo("account_lockout");
        assertThat(n.get("routing").get("confidence").asDouble()).isEqualTo(1.0);
        assertThat(n.get("score").get("total").asDouble()).isEqualTo(0.58);
        assertThat(n.get("score").get("components").get("priority").get("value").asDouble())
                .isEqualTo(0.7);
        assertThat(n.get("ticket").get("description").asText()).isEqualTo("Ünïcode, \"q\"");
        assertThat(n.get("notes").get(0).asText()).contains("subject");
        assertThat(n.has("explanation")).isFalse();
    }

    private static TriageResult shadowed(String id, TriageDecision decision, List<String> changed) {
        return result(id, List.of()).withShadow(new ShadowDecision(decision, changed));
    }

    @Test
    void shadow_jsonCarriesTheDecision_andCsvItsColumnsOnlyWhenAsked() throws IOException {
        TriageResult agrees = shadowed("TKT-1", new TriageDecision("TKT-1", "account",
                "account-team", "high", null, "account_lockout", null), List.of());
        TriageResult rejected = shadowed("TKT-2", new TriageDecision(null, null, null, null,
                null, null, "title: too long"), List.of("rejected"));

        JsonNode n = MAPPER.readTree(write(OutputFormat.JSON, false, false, agrees, rejected));
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        try (ResultWriter w = ResultWriter.open(csv, OutputFormat.CSV, false, false, true)) {
            w.write(agrees);
            w.write(rejected);
        }
        List<String> rows = List.of(csv.toString(StandardCharsets.UTF_8).split("\n"));

        assertThat(n.get(0).get("shadow").toString()).isEqualTo("{\"category\":\"account\","
                + "\"team\":\"account-team\",\"priority\":\"high\",\"sla_policy\":null,"
                + "\"rule\":\"account_lockout\",\"agrees\":true}");
        assertThat(n.get(1).get("shadow").toString()).isEqualTo("{\"rejected\":"
                + "\"title: too long\",\"agrees\":false,\"changed\":[\"rejected\"]}");
        assertThat(rows.get(0)).contains(",sla_resolution_met,shadow_category,shadow_team,"
                + "shadow_priority,shadow_sla_policy,shadow_rule,shadow_rejected,shadow_agrees,"
                + "shadow_changed,notes");
        assertThat(rows.get(1)).contains(",account,account-team,high,,account_lockout,,true,,");
        assertThat(rows.get(2)).contains(",,,,,,\"title: too long\",false,rejected,");
        // without asking, CSV is what it was: the shadow is a JSON member only
        assertThat(write(OutputFormat.CSV, false, false, agrees))
                .isEqualTo(write(OutputFormat.CSV, false, false, result("TKT-1", List.of())));
    }

    @Test
    void shadow_emptyCsvOutput_hasTheShadowColumnsInItsHeader() throws IOException {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        try (ResultWriter w = ResultWriter.open(csv, OutputFormat.CSV, false, false, true)) {
            assertThat(w).isNotNull();
        }
        assertThat(csv.toString(StandardCharsets.UTF_8)).contains(",shadow_agrees,");
    }

    @Test
    void json_many_isAnArrayInInputOrder() throws IOException {
        JsonNode n = MAPPER.readTree(write(OutputFormat.JSON, false, false,
                result("TKT-1", List.of()), result("TKT-2", List.of())));
        assertThat(n.isArray()).isTrue();
        assertThat(n).extracting(r -> r.get("ticket").get("ticket_id").asText())
                .containsExactly("TKT-1", "TKT-2");
    }

    @Test
    void json_noResults_isAnEmptyArray() throws IOException {
        assertThat(MAPPER.readTree(write(OutputFormat.JSON, false, false)).size()).isZero();
    }

    @Test
    void jsonl_isOneObjectPerLineWithExplanation() throws IOException {
        String out = write(OutputFormat.JSONL, false, true,
                result("TKT-1", List.of(new RuleDefinition.Evaluation("r1", false, "all[0] was false"))),
                result("TKT-2", List.of()));
        String[] lines = out.split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = MAPPER.readTree(lines[0]);
        assertThat(first.get("explanation").get(0).get("rule").asText()).isEqualTo("r1");
        assertThat(first.get("explanation").get(0).get("matched").asBoolean()).isFalse();
    }

    @Test
    void csv_hasHeaderAndFlattenedColumns() throws IOException {
        String out = write(OutputFormat.CSV, false, false, result("TKT-1", List.of()));
        String[] lines = out.split("\n");
        assertThat(lines[0]).startsWith("ticket_id,title,description,requester_email,category")
                .contains("routing_assigned_to").contains("score_urgency")
                .contains("routing_confidence,routing_decided_by,config_fingerprint,score_total")
                .doesNotContain("explanation");
        assertThat(lines[1]).startsWith("TKT-1,\"Locked out\"").contains("vip,sso")
                .contains("account_lockout").contains(",rule,");
    }

    @Test
    void csv_threeScoreComponents_getNamedColumnsThatMatchTheirCells() throws IOException {
        TriageResult base = result("TKT-1", List.of());
        Score three = new Score(0.5, List.of(new Score.Component("priority", 7, 0.7, 1),
                new Score.Component("sentiment", 2, 0.2, 1),
                new Score.Component("vip", 1, 1.0, 1)));
        TriageResult r = new TriageResult(base.ticket(), base.routing(), three, List.of("n"),
                List.of(), null);
        List<Map<String, String>> rows = csvRows(write(OutputFormat.CSV, false, false, r, r));
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row).containsEntry("score_total", "0.5")
                    .containsEntry("score_priority", "0.7")
                    .containsEntry("score_sentiment", "0.2")
                    .containsEntry("score_vip", "1.0")
                    .containsEntry("notes", "n")
                    .containsEntry("routing_rule_matched", "account_lockout")
                    .doesNotContainKey("score_urgency");
        });
    }

    @Test
    void csv_headerAndCells_comeFromOneColumnList() throws IOException {
        List<Map<String, String>> rows = csvRows(write(OutputFormat.CSV, false, true,
                result("TKT-1", List.of(new RuleDefinition.Evaluation("r1", true, "matched")))));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(List.copyOf(row.keySet()).subList(0, Ticket.FIELDS.size()))
                    .containsExactlyElementsOf(Ticket.FIELDS);
            assertThat(row).containsEntry("ticket_id", "TKT-1")
                    .containsEntry("score_urgency", "0.4")
                    .containsEntry("tags", "vip,sso")
                    .containsEntry("metadata", "{\"channel\":\"email\"}");
            assertThat(row.get("explanation")).contains("\"rule\":\"r1\"");
        });
    }

    @Test
    void csv_scoreComponentsChangingMidStream_areRefused() {
        TriageResult first = result("TKT-1", List.of());
        TriageResult other = new TriageResult(first.ticket(), first.routing(),
                new Score(0.1, List.of(new Score.Component("vip", 1, 0.1, 1))), List.of(),
                List.of(), null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ResultWriter w = ResultWriter.open(bytes, OutputFormat.CSV, false, false);
        w.write(first);
        assertThatThrownBy(() -> w.write(other)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[vip]").hasMessageContaining("[priority, urgency]");
    }

    @Test
    void csv_noResults_isTheHeaderAlone() throws IOException {
        String out = write(OutputFormat.CSV, false, false);
        assertThat(out.split("\n")).singleElement().asString()
                .startsWith("ticket_id,").contains("score_priority,score_urgency,sla_policy")
                .endsWith("sla_resolution_met,notes");
    }

    @Test
    void eachFormat_isAWriterOfItsOwn_andAnUnknownNameIsAnError() {
        assertThat(OutputFormat.values()).extracting(f -> ResultWriter.open(
                new ByteArrayOutputStream(), f, false, false).getClass().getSimpleName())
                .containsExactly("JsonResultWriter", "JsonLinesResultWriter", "CsvResultWriter");
        assertThat(OutputFormat.of("NDJSON")).isEqualTo(OutputFormat.JSONL);
        assertThatThrownBy(() -> OutputFormat.of("xml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'xml' is not an output format");
    }

    private static List<Map<String, String>> csvRows(String csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return it.readAll();
        }
    }

    @Test
    void rejection_namesPositionFieldsAndRaw() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RejectWriter w = new RejectWriter(bytes)) {
            w.write(new Rejection(new SourcePosition("t.jsonl", 7, 6),
                    List.of(new FieldError("requester_email", "'a@b' is not a valid address"),
                            new FieldError("title", "title is required")), "{\"id\":1}"));
        }
        JsonNode n = MAPPER.readTree(bytes.toString(StandardCharsets.UTF_8));
        assertThat(n.get("source").asText()).isEqualTo("t.jsonl");
        assertThat(n.get("line").asLong()).isEqualTo(7);
        assertThat(n.get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("requester_email", "title");
        assertThat(n.get("raw").asText()).isEqualTo("{\"id\":1}");
    }
}
