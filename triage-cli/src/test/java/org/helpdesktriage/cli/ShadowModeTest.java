package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * triage --shadow: the live configuration decides and acts, the candidate decides beside it,
 * each result carries its decision, and the data directory is what a plain run leaves.
 */
class ShadowModeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NOW = "2026-11-23T09:00:00Z";
    private static final String LIVE = Path.of("..", "config.json").toString();

    @TempDir
    Path dir;

    private Path in;
    private Path candidate;

    // three records both decide alike (TKT-3 both reject), one the candidate routes otherwise
    // (TKT-4), one it rejects for a long title (TKT-5)
    @BeforeEach
    void files() throws IOException {
        in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n",
                record("TKT-1", "Locked out", "locked", "a@example.com"),
                record("TKT-2", "Refund", "payment failed", "b@example.com")
                        .replace("}", ",\"category\":\"billing\"}"),
                record("TKT-3", "Hi", "x", "a@b"),
                record("TKT-4", "App crash on start", "it stops", "c@example.com"),
                record("TKT-5", "A title much longer than twenty characters", "hello",
                        "d@example.com")) + "\n");
        ObjectNode config = (ObjectNode) MAPPER.readTree(Path.of(LIVE).toFile());
        config.remove("$schema");
        config.put("max_ticket_title_length", 20);
        ((ArrayNode) config.get("rules")).insert(0, MAPPER.readTree("{\"id\":\"crash\","
                + "\"priority\":\"critical\",\"condition\":{\"field\":\"title\","
                + "\"op\":\"contains_any_word\",\"value\":[\"crash\"]},"
                + "\"actions\":{\"category\":\"technical\",\"assign_to\":\"tech-team\"}}"));
        candidate = dir.resolve("candidate.json");
        MAPPER.writeValue(candidate.toFile(), config);
    }

    private static String record(String id, String title, String description, String email) {
        return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"description\":\""
                + description + "\",\"requester_email\":\"" + email + "\","
                + "\"created_at\":\"2026-11-20T10:00:00Z\"}";
    }

    private CliRun triage(Path work, String... more) {
        List<String> args = new ArrayList<>(List.of("triage", in.toString(),
                work.resolve("out.json").toString(), "--config", LIVE, "--store", "file",
                "--data-dir", work.resolve("data").toString(), "--now", NOW));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(String[]::new));
    }

    @Test
    void shadow_leavesTheDataDirectoryByteIdenticalToAPlainRun_andCountsAgreements()
            throws IOException {
        Path work = dir.resolve("work");
        CliRun plain = triage(work);
        assertThat(plain.exitCode()).as(plain.err()).isEqualTo(4);
        Map<String, String> plainData = ReproducibleRunTest.tree(work.resolve("data"));
        Map<String, JsonNode> plainRuns = runs(work.resolve("data"));
        String plainOut = Files.readString(work.resolve("out.json"));
        // the same paths again, as run records name them
        Files.move(work, dir.resolve("plain"));

        CliRun shadowed = triage(work, "--shadow", candidate.toString(),
                "--metrics-file", dir.resolve("metrics.prom").toString());

        assertThat(shadowed.exitCode()).as(shadowed.err()).isEqualTo(4);
        assertThat(shadowed.err()).contains("read 5, triaged 4, rejected 1")
                .contains(", shadow agreed 3, disagreed 2");
        Map<String, String> shadowData = ReproducibleRunTest.tree(work.resolve("data"));
        Map<String, JsonNode> shadowRuns = runs(work.resolve("data"));
        assertThat(shadowData.keySet()).isEqualTo(plainData.keySet())
                .anySatisfy(name -> assertThat(name).startsWith("dead-letters/"))
                .contains("tickets/TKT-5.json");
        // every file byte for byte, but the run record, which counts what the shadow decided
        shadowData.keySet().removeIf(name -> name.startsWith("runs/"));
        plainData.keySet().removeIf(name -> name.startsWith("runs/"));
        assertThat(shadowData).isEqualTo(plainData);
        JsonNode run = shadowRuns.values().iterator().next();
        assertThat(run.get("counts").get("shadow_agreed").asLong()).isEqualTo(3);
        assertThat(run.get("counts").get("shadow_disagreed").asLong()).isEqualTo(2);
        assertThat(run.get("shadow").asText()).isEqualTo(candidate.toString());
        assertThat(withoutShadow(shadowRuns)).isEqualTo(withoutShadow(plainRuns));

        assertThat(plainOut).doesNotContain("shadow");
        JsonNode results = MAPPER.readTree(work.resolve("out.json").toFile());
        assertThat(results).hasSize(4);
        assertThat(results.get(0).get("shadow").get("agrees").asBoolean()).isTrue();
        JsonNode crash = results.get(2).get("shadow");
        assertThat(crash.get("rule").asText()).isEqualTo("crash");
        assertThat(crash.get("team").asText()).isEqualTo("tech-team");
        assertThat(crash.get("agrees").asBoolean()).isFalse();
        assertThat(crash.get("changed").toString()).contains("team", "priority");
        JsonNode rejected = results.get(3).get("shadow");
        assertThat(rejected.get("rejected").asText()).contains("title");
        assertThat(rejected.get("changed").toString()).isEqualTo("[\"rejected\"]");
        assertThat(Files.readString(dir.resolve("metrics.prom")))
                .contains("helpdesk_triage_shadow_decisions_total{command=\"triage\","
                        + "result=\"agree\"} 3.0")
                .contains("helpdesk_triage_shadow_decisions_total{command=\"triage\","
                        + "result=\"disagree\"} 2.0");
    }

    @Test
    void shadow_withDryRun_showsTheDecisionsAndWritesNothing() throws IOException {
        CliRun run = CliRun.run("triage", in.toString(), "--config", LIVE, "--store", "file",
                "--data-dir", dir.resolve("data").toString(), "--now", NOW, "--dry-run",
                "--shadow", candidate.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
        assertThat(run.err()).contains(", shadow agreed 3, disagreed 2")
                .contains("nothing was written");
        assertThat(MAPPER.readTree(run.out()).get(2).get("shadow").get("rule").asText())
                .isEqualTo("crash");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void shadow_csv_addsTheShadowColumnsOnlyWithAShadow() throws IOException {
        Path plain = dir.resolve("plain.csv");
        Path shadowed = dir.resolve("shadow.csv");
        CliRun a = CliRun.run("triage", in.toString(), plain.toString(), "--config", LIVE,
                "--now", NOW, "--no-fail-on-reject");
        CliRun b = CliRun.run("triage", in.toString(), shadowed.toString(), "--config", LIVE,
                "--now", NOW, "--no-fail-on-reject", "--shadow", candidate.toString());

        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(Files.readAllLines(plain).get(0)).doesNotContain("shadow");
        List<String> rows = Files.readAllLines(shadowed);
        assertThat(rows.get(0)).contains(",shadow_category,shadow_team,shadow_priority,"
                + "shadow_sla_policy,shadow_rule,shadow_rejected,shadow_agrees,shadow_changed,");
        assertThat(rows.get(3)).contains(",technical,tech-team,critical,critical,crash,,false,"
                + "\"category,team,priority,sla_policy\",");
    }

    @Test
    void shadow_aCandidateThatDoesNotLoad_exits3NamingItAndWritesNothing() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"default_priority\": \"urgentest\"\n}\n");
        Path work = dir.resolve("work");

        CliRun run = triage(work, "--shadow", bad.toString());
        CliRun missing = triage(work, "--shadow", dir.resolve("nowhere.json").toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("the shadow configuration (--shadow " + bad + ")")
                .contains("default_priority");
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).contains("the shadow configuration (--shadow ")
                .contains("nowhere.json");
        assertThat(work).doesNotExist();
    }

    @Test
    void shadowKey_namesTheCandidateRelativeToTheConfigurationsFolder() throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.copy(candidate, conf.resolve("candidate.json"));
        Files.writeString(conf.resolve("live.json"), "{\"shadow\": \"candidate.json\"}");
        Files.writeString(conf.resolve("broken.json"), "{\"shadow\": \"missing.json\"}");

        CliRun run = CliRun.run("triage", in.toString(), "--config",
                conf.resolve("live.json").toString(), "--now", NOW, "--no-fail-on-reject");
        CliRun broken = CliRun.run("triage", in.toString(), "--config",
                conf.resolve("broken.json").toString(), "--now", NOW);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains(", shadow agreed ");
        assertThat(MAPPER.readTree(run.out()).get(0).has("shadow")).isTrue();
        assertThat(broken.exitCode()).isEqualTo(3);
        assertThat(broken.err()).contains("the shadow configuration (shadow in "
                + conf.resolve("broken.json")).contains("missing.json");
    }

    // the run records by file name
    private static Map<String, JsonNode> runs(Path data) throws IOException {
        Map<String, JsonNode> runs = new TreeMap<>();
        try (Stream<Path> files = Files.list(data.resolve("runs"))) {
            for (Path p : files.toList()) {
                runs.put(p.getFileName().toString(), MAPPER.readTree(p.toFile()));
            }
        }
        return runs;
    }

    private static Map<String, JsonNode> withoutShadow(Map<String, JsonNode> runs) {
        Map<String, JsonNode> out = new TreeMap<>();
        runs.forEach((name, run) -> {
            ObjectNode copy = run.deepCopy();
            strip(copy);
            strip((ObjectNode) copy.get("counts"));
            out.put(name, copy);
        });
        return out;
    }

    private static void strip(ObjectNode node) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (names.next().startsWith("shadow")) {
                names.remove();
            }
        }
    }
}
