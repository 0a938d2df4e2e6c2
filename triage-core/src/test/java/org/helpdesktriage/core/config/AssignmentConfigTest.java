package org.helpdesktriage.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.assign.Agent;
import org.helpdesktriage.core.assign.AssignmentSettings;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.model.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssignmentConfigTest {

    // the built-in configuration has an SLA calendar named business
    private static final String SLA = "\"cache_ttl\": 60";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private TriageConfig load(String json) throws IOException {
        return ConfigLoader.load(Optional.of(write("config.json", json)), Map.of(), Map.of());
    }

    private List<String> validate(String json) throws IOException {
        return ConfigLoader.validate(Optional.of(write("config.json", json)), Map.of(),
                Map.of());
    }

    @Test
    void withoutAgents_assignmentIsOff_andTheFingerprintIsUnchanged() throws IOException {
        TriageConfig plain = load("{}");
        assertThat(plain.assignment().enabled()).isFalse();
        assertThat(ConfigLoader.fingerprint(plain))
                .isEqualTo(ConfigLoader.fingerprint(TriageConfig.defaults()));
    }

    @Test
    void agentsInTheConfiguration_andInACsvRoster_makeOneRoster() throws IOException {
        write("agents.csv", "id,name,email,teams,skills,capacity,calendar,active\n"
                + "bob,Bob Byte,bob@example.com,tech-team;billing-team,sap;German,3,business,yes\n"
                + "\n"
                + "\"cy\",\"Cy, the second\",,billing-team,,2,,false\n");
        TriageConfig c = load("{" + SLA + ", \"agents\": [{\"id\": \"ana\", \"teams\":"
                + " [\"account-team\"], \"skills\": [\"sap\"], \"capacity\": 8}],"
                + " \"agents_file\": \"agents.csv\", \"assignment\": {\"teams\": {\"tech-team\":"
                + " {\"strategy\": \"round_robin\"}}, \"default_strategy\": \"least_loaded\","
                + " \"load_statuses\": [\"assigned\", \"in_progress\"]}}");
        AssignmentSettings a = c.assignment();
        assertThat(a.enabled()).isTrue();
        assertThat(a.agents()).extracting(Agent::id).containsExactly("ana", "bob", "cy");
        Agent bob = a.agent("bob").orElseThrow();
        assertThat(bob.teams()).containsExactly("tech-team", "billing-team");
        assertThat(bob.skills()).containsExactly("german", "sap");
        assertThat(bob.capacity()).isEqualTo(3);
        assertThat(bob.calendar()).isEqualTo("business");
        assertThat(bob.active()).isTrue();
        assertThat(a.agent("cy").orElseThrow().name()).isEqualTo("Cy, the second");
        assertThat(a.agent("cy").orElseThrow().active()).isFalse();
        assertThat(a.agent("ana").orElseThrow().active()).isTrue();
        assertThat(a.strategyOf("tech-team")).isEqualTo("round_robin");
        assertThat(a.strategyOf("billing-team")).isEqualTo("least_loaded");
        assertThat(a.loadStatuses()).containsExactlyInAnyOrder(Status.ASSIGNED,
                Status.IN_PROGRESS);
        assertThat(a.agentsFile()).isEqualTo(dir.resolve("agents.csv").toAbsolutePath()
                .normalize());
    }

    @Test
    void aJsonRoster_isReadToo() throws IOException {
        write("agents.json", "[\n {\"id\": \"ana\", \"teams\": \"tech-team\", \"capacity\": 2}\n]");
        TriageConfig c = load("{\"agents_file\": \"agents.json\"}");
        assertThat(c.assignment().agents()).extracting(Agent::id).containsExactly("ana");
    }

    @Test
    void aMalformedCsvRoster_isReportedByFileLineAndField_allAtOnce() throws IOException {
        write("agents.csv", "id,name,email,teams,skills,capacity,calendar,active\n"
                + "ana,,,tech-team,,0,,\n"
                + "bob,,,no-such-team,,three,,maybe\n"
                + "ana,,,tech-team,,2,,\n"
                + "dee,,,tech-team,,2,nowhere,\n");
        assertThatThrownBy(() -> load("{\"agents_file\": \"agents.csv\"}"))
                .isInstanceOf(TriageException.class)
                .hasMessageContaining("agents.csv line 2: capacity 0 is below 1")
                .hasMessageContaining("agents.csv line 3: capacity 'three' is not a whole number")
                .hasMessageContaining("agents.csv line 3: active 'maybe' is not true or false")
                .hasMessageContaining("agents.csv line 3: teams names 'no-such-team'")
                .hasMessageContaining("agents.csv line 4: id 'ana' is already the id of the"
                        + " agent at")
                .hasMessageContaining("agents.csv line 5: calendar 'nowhere'");
    }

    @Test
    void aRosterFileThatCannotBeRead_orHasABadHeader_isAConfigurationError() throws IOException {
        assertThatThrownBy(() -> load("{\"agents_file\": \"missing.csv\"}"))
                .hasMessageContaining("missing.csv: agents_file cannot be read: no such file");
        write("bad.csv", "id,teams,capacity,shift\nana,tech-team,2,early\n");
        assertThatThrownBy(() -> load("{\"agents_file\": \"bad.csv\"}"))
                .hasMessageContaining("bad.csv line 1: unknown column 'shift'");
        write("bad.json", "[{\"id\": \"ana\",\n \"teams\": [\"tech-team\"],\n \"capcity\": 2}]");
        assertThatThrownBy(() -> load("{\"agents_file\": \"bad.json\"}"))
                .hasMessageContaining("bad.json line 3: [0].capcity is not a field of an agent")
                .hasMessageContaining("capacity is missing");
    }

    @Test
    void inlineAgentsAndTheAssignmentSection_areCheckedWithTheirLines() throws IOException {
        List<String> problems = validate("{\n \"agents\": [\n  {\"id\": \"ana\","
                + " \"teams\": [\"tech-team\"], \"capacity\": -1}\n ],\n \"assignment\": {\n"
                + "  \"teams\": {\"tech-team\": {\"strategy\": \"round-robin\"},"
                + " \"ghost-team\": {\"strategy\": \"none\"}},\n"
                + "  \"load_statuses\": [\"busy\"], \"mode\": 1}\n}");
        assertThat(String.join("\n", problems))
                .contains("config.json line 3: agents[0]: capacity -1 is below 1")
                .contains("assignment.teams.tech-team.strategy \"round-robin\" is not one of"
                        + " round_robin, least_loaded, none")
                .contains("assignment.teams.ghost-team: 'ghost-team' is not a team")
                .contains("assignment.load_statuses[0] \"busy\" is not a status")
                .contains("assignment.mode is not a key of assignment");
    }

    @Test
    void theStrategiesCountInTheFingerprint_theRosterDoesNot() throws IOException {
        String base = "{\"agents\": [{\"id\": \"ana\", \"teams\": [\"tech-team\"],"
                + " \"capacity\": %d}], \"assignment\": {\"default_strategy\": \"%s\"}}";
        String rr = ConfigLoader.fingerprint(load(String.format(base, 2, "round_robin")));
        assertThat(ConfigLoader.fingerprint(load(String.format(base, 5, "round_robin"))))
                .isEqualTo(rr);
        assertThat(ConfigLoader.fingerprint(load(String.format(base, 2, "least_loaded"))))
                .isNotEqualTo(rr);
    }

    @Test
    void theRosterFile_mayComeFromTheEnvironment() throws IOException {
        Path roster = write("roster.csv", "id,teams,capacity\nana,tech-team,2\n");
        TriageConfig c = ConfigLoader.load(Optional.of(write("config.json", "{}")),
                Map.of("HELPDESK_AGENTS_FILE", roster.toString()), Map.of());
        assertThat(c.assignment().agents()).extracting(Agent::id).containsExactly("ana");
        assertThat(c.assignment().strategyOf("tech-team")).isEqualTo("none");
    }
}
