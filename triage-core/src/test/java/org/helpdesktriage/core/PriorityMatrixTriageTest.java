package org.helpdesktriage.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.route.Routing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Priority from impact by urgency through the engine, with a configuration file as a user
 * writes one: the grid, the ticket's fields in the spellings exports use, the rules' set_impact
 * and set_urgency, a rule's explicit priority, and what an explanation says decided.
 */
class PriorityMatrixTriageTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    // rows impact high, medium, low; columns urgency high, medium, low
    static final String MATRIX = "\"priority_matrix\": {"
            + "\"impact\": [\"high\", \"medium\", \"low\"],"
            + "\"urgency\": [\"high\", \"medium\", \"low\"],"
            + "\"priority\": [[\"critical\", \"high\", \"medium\"],"
            + " [\"high\", \"medium\", \"low\"], [\"medium\", \"low\", \"low\"]]}";

    // sap sets both axes; ceo names an explicit priority; printer only has its own level;
    // payroll sets the urgency alone
    static final String RULES = "\"rules\": ["
            + rule("sap", "low", "sap", "\"set_impact\": \"High\", \"set_urgency\": \"high\","
                    + " \"require_skills\": [\"sap\"]")
            + "," + rule("ceo", "low", "ceo", "\"priority\": \"medium\"")
            + "," + rule("printer", "high", "printer", "\"tags\": [\"printer\"]")
            + "," + rule("payroll", "low", "payroll", "\"set_urgency\": \"low\"") + "]";

    @TempDir
    Path dir;

    static String rule(String id, String priority, String word, String actions) {
        return "{\"id\": \"" + id + "\", \"priority\": \"" + priority + "\", \"condition\": "
                + "{\"field\": \"title\", \"op\": \"contains_any_word\", \"value\": [\"" + word
                + "\"]}, \"actions\": {" + actions + "}}";
    }

    private TriageEngine engine(String configBody, boolean explain) {
        TriageConfig config = TestConfigs.load(dir, "{" + configBody + "}");
        return TriageEngine.builder().config(config).explain(explain)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    private TriageResult triage(String title, String extraFields, boolean explain) {
        return triageWith(MATRIX + ", " + RULES, title, extraFields, explain);
    }

    private TriageResult triageWith(String configBody, String title, String extraFields,
            boolean explain) {
        String json = "{\"ticket_id\": \"T-1\", \"title\": \"" + title + "\", \"description\":"
                + " \"help please\", \"requester_email\": \"ann@example.com\", \"category\":"
                + " \"general\", \"created_at\": \"2026-11-21T11:00:00Z\""
                // medium unless the case states one: normalisation then adds no note
                + (extraFields.contains("\"priority\"") ? "" : ", \"priority\": \"medium\"")
                + (extraFields.isEmpty() ? "" : ", " + extraFields) + "}";
        TriageOutcome outcome = engine(configBody, explain).triageJson(json);
        assertThat(outcome).isInstanceOf(TriageOutcome.Triaged.class);
        return ((TriageOutcome.Triaged) outcome).result();
    }

    @ParameterizedTest(name = "impact {0}, urgency {1} -> {2}")
    @CsvSource({
        "high,   high,   CRITICAL",
        "high,   medium, HIGH",
        "high,   low,    MEDIUM",
        "medium, high,   HIGH",
        "medium, medium, MEDIUM",
        "medium, low,    LOW",
        "low,    high,   MEDIUM",
        "low,    medium, LOW",
        "low,    low,    LOW"})
    void impactAndUrgency_giveTheGridsPriority(String impact, String urgency,
            Priority expected) {
        TriageResult r = triage("Mouse broken", "\"impact\": \"" + impact
                + "\", \"urgency\": \"" + urgency + "\"", false);
        assertThat(r.routing().priority()).isEqualTo(expected);
        assertThat(r.ticket().priority()).isEqualTo(expected);
        assertThat(r.notes()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "\"impact\": \"HIGH\", \"urgency\": \" Medium \"",
        "\"impact\": \"1 - High\", \"urgency\": \"2 - Medium\"",
        "\"Impact\": \"1-high\", \"URGENCY\": \"2 -medium\"",
        "\"metadata\": {\"Impact\": \"1 - High\", \"urgency\": \"medium\"}"})
    void fieldValues_areReadCaseInsensitively_andInServiceNowsNumberedForm(String fields) {
        assertThat(triage("Mouse broken", fields, false).routing().priority())
                .isEqualTo(Priority.HIGH);
    }

    @Test
    void theMatrix_lowersAStatedPriority() {
        TriageResult r = triage("Mouse broken", "\"priority\": \"critical\", \"impact\": "
                + "\"low\", \"urgency\": \"low\"", false);
        assertThat(r.ticket().priority()).isEqualTo(Priority.LOW);
    }

    @Test
    void theMatrix_outranksARulesOwnLevel() {
        TriageResult r = triage("Printer on fire", "\"impact\": \"low\", \"urgency\": \"low\"",
                false);
        assertThat(r.routing().ruleMatched()).isEqualTo("printer");
        assertThat(r.routing().priority()).isEqualTo(Priority.LOW);
        assertThat(r.ticket().tags()).containsExactly("printer");
    }

    @Test
    void aRulesExplicitPriority_outranksTheMatrix() {
        TriageResult r = triage("The ceo cannot log in", "\"impact\": \"high\", \"urgency\": "
                + "\"high\"", false);
        assertThat(r.routing().ruleMatched()).isEqualTo("ceo");
        assertThat(r.routing().priority()).isEqualTo(Priority.MEDIUM);
    }

    @Test
    void setImpactAndSetUrgency_winOverTheTicketsFields() {
        TriageResult r = triage("SAP is down", "\"impact\": \"low\", \"urgency\": \"low\"",
                false);
        assertThat(r.routing().priority()).isEqualTo(Priority.CRITICAL);
    }

    @Test
    void setUrgencyAlone_meetsTheTicketsImpact() {
        assertThat(triage("Payroll run", "\"impact\": \"high\", \"urgency\": \"high\"", false)
                .routing().priority()).isEqualTo(Priority.MEDIUM);
        assertThat(triage("Payroll run", "", false).routing().priority())
                .as("no impact known: the matrix does not apply")
                .isEqualTo(Priority.MEDIUM);
    }

    @Test
    void anUnknownValue_isIgnoredWithANote_andTheMatrixDoesNotApply() {
        TriageResult r = triage("Mouse broken", "\"priority\": \"high\", \"impact\": "
                + "\"severe\", \"urgency\": \"low\"", false);
        assertThat(r.routing().priority()).isEqualTo(Priority.HIGH);
        assertThat(r.notes()).containsExactly("impact 'severe' is not a level of the "
                + "priority_matrix [high, medium, low]; ignored");
    }

    @Test
    void onlyOneAxisKnown_keepsThePriority_withoutANote() {
        TriageResult r = triage("Mouse broken", "\"priority\": \"high\", \"urgency\": \"low\"",
                false);
        assertThat(r.routing().priority()).isEqualTo(Priority.HIGH);
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void explain_saysTheMatrixDecided_withWhereImpactAndUrgencyCameFrom() {
        TriageResult r = triage("Payroll run", "\"impact\": \"1 - High\", \"urgency\": \"high\"",
                true);
        assertThat(r.notes()).containsExactly("priority 'medium' from the priority_matrix: "
                + "impact 'high' from field impact, urgency 'low' from rule 'payroll' "
                + "set_urgency");
        assertThat(r.explanation()).isNotEmpty();
    }

    @Test
    void explain_namesTheRuleWhoseExplicitPriorityDecided() {
        TriageResult r = triage("The ceo cannot log in", "\"impact\": \"high\", \"urgency\": "
                + "\"high\"", true);
        assertThat(r.notes()).containsExactly("priority 'medium' from rule 'ceo' "
                + "(actions.priority), which outranks the priority_matrix's 'critical' (impact "
                + "'high' from field impact, urgency 'high' from field urgency)");
    }

    @Test
    void explain_saysNeitherDecided_andWhatWasMissing() {
        TriageResult r = triage("Mouse broken", "\"impact\": \"low\"", true);
        assertThat(r.routing().priority()).isEqualTo(Priority.MEDIUM);
        assertThat(r.routing().decidedBy()).isEqualTo(Routing.Decider.DEFAULT);
        assertThat(r.notes()).containsExactly("priority 'medium' not from the priority_matrix"
                + " nor a rule's actions.priority: no urgency known (impact 'low' from field "
                + "impact)");
    }

    @Test
    void withoutAMatrix_impactAndUrgencyStayMetadata_andDecideNothing() {
        TriageResult r = triageWith("\"rules\": []", "Mouse broken", "\"priority\": \"low\","
                + " \"impact\": \"high\", \"urgency\": \"high\"", true);
        assertThat(r.routing().priority()).isEqualTo(Priority.LOW);
        assertThat(r.notes()).isEmpty();
        assertThat(r.ticket().metadata()).containsEntry("impact", "high")
                .containsEntry("urgency", "high");
    }
}
