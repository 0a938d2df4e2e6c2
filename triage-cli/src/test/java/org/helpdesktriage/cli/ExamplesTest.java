package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled example files triage as docs/examples.md says. */
class ExamplesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"tickets.json, 26", "tickets.csv, 10", "tickets.txt, 6"})
    void exampleFile_triagesEveryTicket(String name, int count) throws IOException {
        Path out = dir.resolve("out.json");
        CliRun run = CliRun.run(EXAMPLES.resolve(name).toString(), out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode results = MAPPER.readTree(out.toFile());
        assertThat(results.size()).isEqualTo(count);
        assertThat(run.err()).contains("read " + count + ", triaged " + count + ", rejected 0");
        assertThat(Files.readAllLines(dir.resolve("out.json.rejects.jsonl"))).isEmpty();
    }

    @Test
    void ticketsJson_firesBothDefaultRulesAndCoversEveryCategory() throws IOException {
        Path out = dir.resolve("out.json");
        CliRun.run(EXAMPLES.resolve("tickets.json").toString(), out.toString());
        List<String> rules = new ArrayList<>();
        List<String> teams = new ArrayList<>();
        for (JsonNode r : MAPPER.readTree(out.toFile())) {
            rules.add(r.get("routing").get("rule_matched").asText());
            teams.add(r.get("routing").get("assigned_to").asText());
        }
        assertThat(rules).contains("critical_billing", "account_lockout", "null");
        assertThat(teams).contains("tech-team", "billing-team", "account-team", "product-team",
                "engineering-team", "support-team");
    }

    @Test
    void configSla_givesEveryExampleTicketAPolicy_andTheSecurityRuleItsOwn() throws IOException {
        Path out = dir.resolve("out.json");
        String config = EXAMPLES.resolve("config-sla.json").toString();
        CliRun run = CliRun.run(EXAMPLES.resolve("tickets.json").toString(), out.toString(),
                "--config", config, "--now", "2026-11-23T08:00:00Z");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> policies = new ArrayList<>();
        for (JsonNode r : MAPPER.readTree(out.toFile())) {
            policies.add(r.get("sla").get("policy").asText());
            assertThat(r.get("sla").get("resolution_due").asText())
                    .isGreaterThan(r.get("sla").get("first_response_due").asText());
        }
        assertThat(policies).hasSize(26).contains("critical", "enterprise", "overnight", "high",
                "standard");
        CliRun security = CliRun.runWith(java.util.Map.of(), "{\"ticket_id\": \"TKT-S\","
                + " \"title\": \"Phishing mail\", \"description\": \"A phishing mail asks"
                + " for passwords.\", \"requester_email\": \"a@example.com\", \"created_at\":"
                + " \"2026-11-23T07:00:00Z\"}", "-", "--config", config, "--now",
                "2026-11-23T08:00:00Z", "--format", "json");
        assertThat(security.exitCode()).as(security.err()).isZero();
        JsonNode sla = MAPPER.readTree(security.out()).get("sla");
        assertThat(sla.get("policy").asText()).isEqualTo("security");
        assertThat(sla.get("resolution_due").asText()).isEqualTo("2026-11-23T09:00:00Z");
    }

    @Test
    void singleTicket_givesSingleObject() throws IOException {
        Path out = dir.resolve("out.json");
        assertThat(CliRun.run(EXAMPLES.resolve("ticket.json").toString(), out.toString())
                .exitCode()).isZero();
        assertThat(MAPPER.readTree(out.toFile()).isObject()).isTrue();
    }

    @Test
    void ticketsWithErrors_exitsFourWritesGoodRecordsAndOneRejectPerBadRecord()
            throws IOException {
        Path out = dir.resolve("out.jsonl");
        CliRun run = CliRun.run(EXAMPLES.resolve("tickets-with-errors.jsonl").toString(),
                out.toString());
        assertThat(run.exitCode()).isEqualTo(4);
        List<String> good = Files.readAllLines(out);
        List<String> rejects = Files.readAllLines(dir.resolve("out.jsonl.rejects.jsonl"));
        long inputRecords = Files.readAllLines(EXAMPLES.resolve("tickets-with-errors.jsonl"))
                .stream().filter(l -> !l.isBlank()).count();
        assertThat(good.size() + rejects.size()).isEqualTo(inputRecords);
        assertThat(rejects).hasSize(6);
        for (String line : rejects) {
            JsonNode r = MAPPER.readTree(line);
            assertThat(r.get("line").asInt()).isPositive();
            assertThat(r.get("errors")).hasSize(1);
            assertThat(r.get("errors").get(0).get("field").asText()).isNotBlank();
        }
        assertThat(run.err()).contains("read " + inputRecords + ", triaged " + good.size()
                + ", rejected 6");
    }

    @Test
    void githubIssuesConfig_loadsWithItsOverrideRuleAndPolicy() {
        org.helpdesktriage.core.config.TriageConfig c = org.helpdesktriage.core.config
                .ConfigLoader.load(EXAMPLES.resolve("github-issues/config.json"));
        assertThat(c.classifierSettings().orElseThrow().decision())
                .isEqualTo(org.helpdesktriage.core.route.ClassifierPolicy.Decision.RULES_OVERRIDE);
        // no model is shipped: evaluate applies the policy to its fold models, triage uses rules
        assertThat(c.classifierPolicy()).isEmpty();
        assertThat(c.rules()).filteredOn(r -> r.override()).extracting(r -> r.id())
                .containsExactly("crash_in_title");
        assertThat(c.categories().names()).containsExactly("bug", "feature", "question");
    }
}
