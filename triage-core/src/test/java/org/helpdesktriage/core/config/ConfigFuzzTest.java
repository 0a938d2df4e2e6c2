package org.helpdesktriage.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.TriageOutcome;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.rules.Facts;
import org.helpdesktriage.core.internal.rules.RuleSet;
import org.helpdesktriage.core.model.Categories;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.rules.MatchMode;
import org.helpdesktriage.core.rules.RuleDefinition;

/**
 * Fuzz tests of the configuration loader and the rule compiler. Whatever the bytes, loading
 * gives a configuration or a {@link ErrorCode#CONFIG_INVALID} error whose message says what is
 * wrong in words (never a bare "null", an exception's text or a Java type); a configuration that
 * loads builds an engine (or fails the same clean way) that triages a ticket without throwing.
 * The corpus and every crash found live under
 * {@code src/test/resources/org/helpdesktriage/core/config/ConfigFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} one method fuzzes (select it with {@code -Dtest=ConfigFuzzTest#rules}).
 */
class ConfigFuzzTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final Path FILE = tempFile();
    private static final List<Ticket> TICKETS = List.of(
            ticket("TKT-1", "Payment failed twice", "urgent: the card payment is broken",
                    "billing", Priority.HIGH, List.of("vip")),
            ticket("TKT-2", "Locked out", "my account is locked since yesterday", "general",
                    Priority.LOW, List.of()));

    /**
     * Fuzzes the loader: the bytes before the first NUL are the file; each line after it is a
     * {@code key=value} override, as {@code --set} gives.
     */
    @FuzzTest(maxDuration = "8m", maxExecutions = 250_000)
    @DictionaryEntries({"\"max_record_length\"", "\"max_keys\"", "\"max_timestamp\"",
        "\"scoring\"", "\"weights\"", "\"urgency_keywords\"", "\"rules\"",
        "\"categories\"", "\"synonyms\"", "\"classifier\"", "\"cache_ttl\"",
        "\"store_type\"", "\"match_mode\"", "\"default_category\"", "null", "1e308"})
    void loader(byte[] data) throws IOException {
        String text = new String(data, StandardCharsets.UTF_8);
        int nul = text.indexOf('\0');
        Files.writeString(FILE, nul < 0 ? text : text.substring(0, nul));
        Map<String, String> overrides = new LinkedHashMap<>();
        if (nul >= 0) {
            for (String line : text.substring(nul + 1).split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    overrides.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        TriageConfig config;
        try {
            config = ConfigLoader.load(Optional.of(FILE), Map.of(), overrides);
        } catch (TriageException e) {
            assertClean(e);
            return;
        }
        assertThat(ConfigLoader.fingerprint(config)).hasSize(64);
        TriageEngine engine;
        try {
            engine = TriageEngine.builder().config(config)
                    .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        } catch (TriageException e) {
            assertClean(e);
            return;
        }
        TriageOutcome outcome = engine.triage(Map.of("ticket_id", "TKT-1", "title", "Payment",
                "description", "urgent: payment failed", "requester_email", "a@example.com",
                "category", "billing"));
        assertThat(outcome).isNotNull();
    }

    /** Fuzzes the rule compiler with a JSON list of rules, then runs them on two tickets. */
    @FuzzTest(maxDuration = "8m", maxExecutions = 250_000)
    @DictionaryEntries({"\"id\"", "\"name\"", "\"priority\"", "\"condition\"",
        "\"actions\"", "\"stop\"", "\"field\"", "\"op\"", "\"value\"", "\"all\"",
        "\"any\"", "\"none\"", "\"not\"", "\"category\"", "\"assign_to\"", "\"tags\"",
        "\"allow_lower_priority\"", "\"title\"", "\"description\"", "\"text\"",
        "\"requester_domain\"", "\"age_hours\"", "\"predicted_category\"",
        "\"prediction_confidence\"", "\"metadata.plan\"", "\"contains_any_word\"",
        "\"contains_all_words\"", "\"contains_phrase\"", "\"equals\"", "\"in\"",
        "\"starts_with\"", "\"ends_with\"", "\"matches\"", "\"greater_than\"",
        "\"less_than\"", "\"critical\"", "\"high\"", "\"billing\""})
    void rules(byte[] data) {
        List<RuleDefinition> rules;
        try {
            rules = MAPPER.readValue(data, new TypeReference<List<RuleDefinition>>() { });
        } catch (IOException | RuntimeException e) {
            return; // not a list of rules: the loader's own fuzz test covers bad JSON
        }
        if (rules == null || rules.contains(null)) {
            return;
        }
        for (MatchMode mode : MatchMode.values()) {
            RuleSet set;
            try {
                set = RuleSet.compile(rules, Categories.defaults(), mode);
            } catch (TriageException e) {
                assertClean(e);
                return;
            }
            for (Ticket t : TICKETS) {
                assertThat(set.evaluate(Facts.of(t, NOW), true)).isNotNull();
            }
        }
    }

    static void assertClean(TriageException e) {
        assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_INVALID);
        String m = e.getMessage();
        assertThat(m).isNotBlank().doesNotEndWith(": null").isNotEqualTo("null")
                .doesNotContain("Exception", "java.", "Cannot invoke", "because \"");
    }

    private static Ticket ticket(String id, String title, String description, String category,
            Priority priority, List<String> tags) {
        return new Ticket(id, title, description, "a@example.com", category, priority,
                Status.NEW, NOW.minusSeconds(90_000), NOW.minusSeconds(90_000), null, tags,
                Map.of("plan", "gold", "seats", 12L), null);
    }

    private static Path tempFile() {
        try {
            Path p = Files.createTempFile("config-fuzz", ".json");
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
