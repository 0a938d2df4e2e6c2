package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String GOOD = "{\"ticket_id\": \"TKT-1\", \"title\": \"Account locked\","
            + " \"description\": \"I am locked out after a reset\","
            + " \"requester_email\": \"ann@example.com\", \"category\": \"general\"}";
    private static final String BAD_EMAIL = "{\"ticket_id\": \"TKT-2\", \"title\": \"Hi\","
            + " \"description\": \"Question\", \"requester_email\": \"a@b\"}";

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void singleObjectIn_givesSingleResultObjectOut() throws IOException {
        Path in = file("one.json", GOOD);
        Path out = dir.resolve("out.json");
        CliRun run = CliRun.run(in.toString(), out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode n = MAPPER.readTree(out.toFile());
        assertThat(n.isObject()).isTrue();
        assertThat(n.get("ticket").get("status").asText()).isEqualTo("triaged");
        assertThat(n.get("routing").get("assigned_to").asText()).isEqualTo("account-team");
        assertThat(n.get("routing").get("rule_matched").asText()).isEqualTo("account_lockout");
        assertThat(n.get("routing").get("priority").asText()).isEqualTo("high");
        assertThat(n.get("score").get("total").asDouble()).isBetween(0.0, 1.0);
        assertThat(run.err()).contains("read 1, triaged 1, rejected 0");
    }

    @Test
    void rejectedRecords_goToTheRejectsFileAndExitFour() throws IOException {
        Path in = file("mixed.jsonl", GOOD + "\n" + BAD_EMAIL + "\n{not json\n");
        Path out = dir.resolve("out.jsonl");
        CliRun run = CliRun.run("triage", in.toString(), out.toString());
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(Files.readAllLines(out)).hasSize(1);
        List<String> rejects = Files.readAllLines(dir.resolve("out.jsonl.rejects.jsonl"));
        assertThat(rejects).hasSize(2);
        JsonNode first = MAPPER.readTree(rejects.get(0));
        assertThat(first.get("line").asInt()).isEqualTo(2);
        assertThat(first.get("errors").get(0).get("field").asText())
                .isEqualTo("requester_email");
        assertThat(MAPPER.readTree(rejects.get(1)).get("line").asInt()).isEqualTo(3);
        assertThat(run.err()).contains("read 3, triaged 1, rejected 2");
    }

    @Test
    void noFailOnReject_exitsZero() throws IOException {
        Path in = file("mixed.jsonl", GOOD + "\n" + BAD_EMAIL + "\n");
        CliRun run = CliRun.run(in.toString(), dir.resolve("o.json").toString(),
                "--no-fail-on-reject");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void rejectsOption_writesWhereAsked() throws IOException {
        Path in = file("mixed.jsonl", GOOD + "\n" + BAD_EMAIL + "\n");
        Path rejects = dir.resolve("bad/rejects.jsonl");
        CliRun run = CliRun.run(in.toString(), dir.resolve("o.json").toString(),
                "--rejects", rejects.toString());
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(Files.readAllLines(rejects)).hasSize(1);
    }

    @Test
    void stdinToStdout_writesAnArrayForJsonLines() throws IOException {
        CliRun run = CliRun.runWith(Map.of(), GOOD + "\n" + GOOD.replace("TKT-1", "TKT-3"),
                "-", "--format", "jsonl");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode n = MAPPER.readTree(run.out());
        assertThat(n).extracting(r -> r.get("ticket").get("ticket_id").asText())
                .containsExactly("TKT-1", "TKT-3");
    }

    @Test
    void stdinWithoutFormat_isDetectedFromItsContent() throws IOException {
        CliRun run = CliRun.runWith(Map.of(), GOOD + "\n" + GOOD.replace("TKT-1", "TKT-3"), "-");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(MAPPER.readTree(run.out())).hasSize(2);
    }

    @Test
    void csvOutput_fromExtension() throws IOException {
        Path in = file("one.json", GOOD);
        Path out = dir.resolve("out.csv");
        assertThat(CliRun.run(in.toString(), out.toString()).exitCode()).isZero();
        assertThat(Files.readAllLines(out).get(0)).startsWith("ticket_id,title,");
    }

    @Test
    void explain_addsEveryRuleEvaluated() throws IOException {
        Path in = file("one.json", GOOD);
        Path out = dir.resolve("out.json");
        assertThat(CliRun.run(in.toString(), out.toString(), "--explain").exitCode()).isZero();
        JsonNode explanation = MAPPER.readTree(out.toFile()).get("explanation");
        assertThat(explanation).extracting(e -> e.get("rule").asText())
                .containsExactly("critical_billing", "account_lockout");
        assertThat(explanation.get(0).get("matched").asBoolean()).isFalse();
        assertThat(explanation.get(1).get("matched").asBoolean()).isTrue();
    }

    @Test
    void missingInput_exitsThreeAndWritesNothing() throws IOException {
        Path out = dir.resolve("out.json");
        CliRun run = CliRun.run(dir.resolve("nope.json").toString(), out.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("error: ").contains("nope.json");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void invalidConfig_exitsThreeNamingFileAndKey() throws IOException {
        Path in = file("one.json", GOOD);
        Path config = file("config.json", "{\n\"match_mode\": \"first\",\n\"colour\": 1\n}");
        CliRun run = CliRun.run(in.toString(), "--config", config.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("config.json line 3").contains("'colour'");
    }

    @Test
    void invalidRule_exitsThreeNamingTheRule() throws IOException {
        Path in = file("one.json", GOOD);
        Path config = file("config.json", "{\"rules\": [{\"id\": \"r1\", \"priority\": \"high\","
                + " \"condition\": {\"field\": \"titel\", \"op\": \"equals\", \"value\": \"x\"}}]}");
        CliRun run = CliRun.run(in.toString(), "--config", config.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("'r1'").contains("titel");
    }

    @Test
    void environmentAndSet_overrideTheConfiguration() throws IOException {
        Path in = file("one.json", GOOD.replace("\"general\"", "\"bill\""));
        CliRun run = CliRun.runWith(Map.of("HELPDESK_DEFAULT_CATEGORY", "billing"), "",
                in.toString(), "--set", "max_ticket_title_length=5");
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("title").contains("limit is 5");
    }

    @Test
    void unknownOption_isAUsageError() {
        CliRun run = CliRun.run("in.json", "--frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ").contains("--frobnicate");
    }

    @Test
    void noArguments_isAUsageError() {
        assertThat(CliRun.run().exitCode()).isEqualTo(2);
    }

    @Test
    void help_listsTheExitCodes() {
        CliRun run = CliRun.run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Exit codes:").contains("some records were rejected");
        CliRun triageHelp = CliRun.run("triage", "--help");
        assertThat(triageHelp.out()).contains("--no-fail-on-reject").contains("jsonl");
    }

    @Test
    void version_printsTheProgramVersion() {
        CliRun run = CliRun.run("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("helpdesk-triage ");
    }

    @Test
    void now_fixesEveryTimestamp_soTwoRunsWriteTheSameBytes() throws IOException {
        Path in = file("one.jsonl", GOOD + "\n");
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl");
        CliRun a = CliRun.run("triage", "--now", "2026-11-23T09:00:00Z", in.toString(),
                first.toString());
        CliRun b = CliRun.run("triage", "--now", "2026-11-23T09:00:00Z", in.toString(),
                second.toString());
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(MAPPER.readTree(first.toFile()).get("ticket").get("updated_at").asText())
                .isEqualTo("2026-11-23T09:00:00Z");
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void now_thatDoesNotParse_isAUsageError() throws IOException {
        Path in = file("one.jsonl", GOOD + "\n");
        CliRun run = CliRun.run("triage", "--now", "next tuesday", in.toString(),
                dir.resolve("out.jsonl").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'next tuesday' is not a time");
        assertThat(dir.resolve("out.jsonl")).doesNotExist();
    }
}
