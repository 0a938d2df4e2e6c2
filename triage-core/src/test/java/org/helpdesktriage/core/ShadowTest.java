package org.helpdesktriage.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.ingest.InputFormat;
import org.helpdesktriage.core.ingest.RecordReader;
import org.helpdesktriage.core.ingest.RecordReaders;
import org.helpdesktriage.core.rules.RuleDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shadow configuration decides beside the live one, says whether it agrees, keeps nothing. */
class ShadowTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"),
            ZoneOffset.UTC);
    private static final String CRASH = "{\"ticket_id\":\"T1\",\"title\":\"app crash\","
            + "\"description\":\"it stops\",\"requester_email\":\"a@example.com\","
            + "\"created_at\":\"2026-11-20T10:00:00Z\"}";
    private static final String LOCKED = "{\"ticket_id\":\"T2\",\"title\":\"account locked\","
            + "\"description\":\"cannot log in\",\"requester_email\":\"b@example.com\","
            + "\"created_at\":\"2026-11-20T10:00:00Z\"}";

    @TempDir
    Path dir;

    private TriageConfig candidate(String json) throws IOException {
        Path file = dir.resolve("candidate.json");
        Files.writeString(file, json);
        return ConfigLoader.load(file);
    }

    // the default rules, and a crash rule in front of them
    private TriageConfig crashCandidate() throws IOException {
        TriageConfig c = candidate("{\"rules\":[{\"id\":\"crash\",\"priority\":\"critical\","
                + "\"condition\":{\"field\":\"text\",\"op\":\"contains_any_word\","
                + "\"value\":[\"crash\"]},\"actions\":{\"category\":\"technical\","
                + "\"assign_to\":\"tech-team\"}}]}");
        List<RuleDefinition> rules = new ArrayList<>(c.rules());
        rules.addAll(TriageConfig.defaults().rules());
        return c.withRules(rules);
    }

    @Test
    void triage_candidateRoutesOtherwise_resultCarriesItsDecisionAndWhatDiffers()
            throws IOException {
        TriageEngine engine = TriageEngine.builder().clock(CLOCK).shadow(crashCandidate())
                .build();

        TriageResult crash = ((TriageOutcome.Triaged) engine.triageJson(CRASH)).result();
        TriageResult locked = ((TriageOutcome.Triaged) engine.triageJson(LOCKED)).result();

        TriageResult.ShadowDecision s = crash.shadow();
        assertThat(s.agrees()).isFalse();
        assertThat(s.decision().category()).isEqualTo("technical");
        assertThat(s.decision().team()).isEqualTo("tech-team");
        assertThat(s.decision().priority()).isEqualTo("critical");
        assertThat(s.decision().rule()).isEqualTo("crash");
        assertThat(s.changed()).contains("priority").doesNotContain("rejected");
        assertThat(crash.routing().ruleMatched()).isNull();
        assertThat(locked.shadow().agrees()).isTrue();
        assertThat(locked.shadow().decision().rule()).isEqualTo("account_lockout");
        TriageEngine.ShadowStats shadow = engine.shadowStats().orElseThrow();
        assertThat(shadow.agreements()).isEqualTo(1);
        assertThat(shadow.disagreements()).isEqualTo(1);
    }

    @Test
    void triage_candidateRejectsWhatLiveTriages_isADisagreement() throws IOException {
        TriageEngine engine = TriageEngine.builder().clock(CLOCK)
                .shadow(candidate("{\"max_ticket_title_length\": 5}")).build();

        TriageResult crash = ((TriageOutcome.Triaged) engine.triageJson(CRASH)).result();
        TriageOutcome neither = engine.triageJson("{\"ticket_id\":\"T3\"}");

        assertThat(crash.shadow().decision().isRejected()).isTrue();
        assertThat(crash.shadow().decision().rejection()).contains("title");
        assertThat(crash.shadow().changed()).containsExactly("rejected");
        assertThat(neither).isInstanceOf(TriageOutcome.Rejected.class);
        // both reject the third: they agree on it
        assertThat(engine.shadowStats().orElseThrow().agreements()).isEqualTo(1);
        assertThat(engine.shadowStats().orElseThrow().disagreements()).isEqualTo(1);
    }

    @Test
    void validate_aShadowKeyWhoseCandidateDoesNotLoad_isAProblemNamingTheKey()
            throws IOException {
        Files.writeString(dir.resolve("bad.json"), "{\"default_priority\": \"urgentest\"}");
        Path live = dir.resolve("live.json");
        Files.writeString(live, "{\"shadow\": \"bad.json\"}");

        List<String> problems = ConfigLoader.validate(Optional.of(live), Map.of(), Map.of());

        assertThat(problems).singleElement().asString().contains("live.json")
                .contains("shadow " + dir.resolve("bad.json") + " does not load")
                .contains("default_priority");
        assertThat(ConfigLoader.load(live).shadowSetting()).contains(dir.resolve("bad.json"));
    }

    @Test
    void triage_withoutShadow_resultHasNone() {
        TriageEngine engine = TriageEngine.builder().clock(CLOCK).build();

        TriageResult r = ((TriageOutcome.Triaged) engine.triageJson(CRASH)).result();

        assertThat(r.shadow()).isNull();
        assertThat(r.shadowDecision()).isEmpty();
        assertThat(engine.shadowStats()).isEmpty();
    }

    @Test
    void triage_withAStore_storesWhatThePlainRunStores() throws IOException {
        TestStore plain = new TestStore();
        TestStore shadowed = new TestStore();
        TriageEngine a = TriageEngine.builder().clock(CLOCK).build();
        TriageEngine b = TriageEngine.builder().clock(CLOCK).shadow(crashCandidate()).build();
        StoringStep storeA = StoringStep.builder(a).store(plain).build();
        StoringStep storeB = StoringStep.builder(b).store(shadowed).build();

        for (String json : List.of(CRASH, LOCKED, CRASH)) {
            storeA.save(a.triageJson(json));
            TriageResult r = ((TriageOutcome.Triaged) storeB.save(b.triageJson(json))).result();
            assertThat(r.shadow()).isNotNull();
        }

        assertThat(shadowed.scan().tickets()).isEqualTo(plain.scan().tickets());
    }

    @Test
    void batch_oneThreadAndFour_countTheSame() throws IOException {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            input.append((i % 3 == 0 ? CRASH : LOCKED).replace("\"T", "\"T" + i)).append('\n');
        }
        long[][] counts = new long[2][];
        int k = 0;
        for (int threads : new int[] {1, 4}) {
            TriageEngine engine = TriageEngine.builder().clock(CLOCK).shadow(crashCandidate())
                    .build();
            try (RecordReader r = RecordReaders.open(new ByteArrayInputStream(
                    input.toString().getBytes(StandardCharsets.UTF_8)), InputFormat.JSONL,
                    "in.jsonl")) {
                BatchTriage.run(engine, r, o -> { }, threads);
            }
            TriageEngine.ShadowStats s = engine.shadowStats().orElseThrow();
            counts[k++] = new long[] {s.agreements(), s.disagreements()};
        }

        assertThat(counts[0]).containsExactly(2000, 1000);
        assertThat(counts[1]).containsExactly(counts[0]);
    }
}
